package org.opencollab.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

class VariableReaderTest {

  @Test
  void moneyAcceptsLongsDoublesAndDecimalsExactly() {
    assertThat(reader(Map.of("v", 2000000L)).money("v")).isEqualTo("2000000.00");
    assertThat(reader(Map.of("v", 0.1)).money("v")).isEqualTo("0.10");
    assertThat(reader(Map.of("v", 19.99)).money("v")).isEqualTo("19.99");
    assertThat(reader(Map.of("v", new BigDecimal("5.5"))).money("v")).isEqualTo("5.50");
    assertThat(reader(Map.of("v", 7)).money("v")).isEqualTo("7.00");
  }

  @Test
  void moneyRefusesTextNegativesFractionsOfACentAndNonFiniteNumbers() {
    assertThatThrownBy(() -> reader(Map.of("realizedRevenue", "100")).money("realizedRevenue"))
        .hasMessage("realizedRevenue: must be a number, got String 100");
    assertThatThrownBy(() -> reader(Map.of("lossAmount", -0.01)).money("lossAmount"))
        .hasMessage("lossAmount: must be 0 or more, got -0.01");
    assertThatThrownBy(() -> reader(Map.of("v", 0.001)).money("v"))
        .hasMessageStartingWith("v: must have at most two");
    assertThatThrownBy(() -> reader(Map.of("v", Double.NaN)).money("v"))
        .hasMessage("v: must be a finite number, got NaN");
    assertThatThrownBy(() -> reader(Map.of()).money("v")).hasMessage("v: is required");
  }

  @Test
  void jsonComesAsSpinValueTextOrJavaCollections() {
    assertThat(
            reader(Map.of("s", SpinValues.jsonValue("{\"SALES\": 100}").create().getValue()))
                .integerMap("s"))
        .containsEntry("SALES", 100);
    assertThat(reader(Map.of("s", "{\"SALES\": 100}")).integerMap("s")).containsEntry("SALES", 100);
    assertThat(reader(Map.of("s", Map.of("SALES", 100))).integerMap("s"))
        .containsEntry("SALES", 100);
    assertThat(
            reader(Map.of("t", List.of(Map.of("userId", "alice"))))
                .json("t")
                .get(0)
                .get("userId")
                .asText())
        .isEqualTo("alice");
  }

  @Test
  void jsonRefusalsNameTheVariable() {
    assertThatThrownBy(() -> reader(Map.of("s", "{not json")).integerMap("s"))
        .hasMessageStartingWith("s: must be Json");
    assertThatThrownBy(() -> reader(Map.of("s", "[1]")).integerMap("s"))
        .hasMessage("s: must be a Json object");
    assertThatThrownBy(() -> reader(Map.of("s", "{\"SALES\": 50.5}")).integerMap("s"))
        .hasMessage("s: SALES must be a whole number, got 50.5");
  }

  private static VariableReader reader(Map<String, Object> variables) {
    return VariableReader.of(variables::get);
  }
}
