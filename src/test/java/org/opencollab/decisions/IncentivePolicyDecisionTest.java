package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code incentivePolicy}: the pool rate by priority and the shared thresholds. */
class IncentivePolicyDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "priority {0} → pool rate {1}")
  @CsvSource({"A, 0.03, Rule_PriorityA", "B, 0.02, Rule_PriorityB", "C, 0.015, Rule_PriorityC"})
  void poolRateByPriority(String priority, double poolRate, String rule) {
    Evaluation evaluation = evaluate("incentivePolicy", Map.of("priority", priority));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "poolRate",
                poolRate,
                "freeRiderThreshold",
                2.5,
                "starThreshold",
                4.5,
                "starPromotionPoints",
                10));
  }

  @Test
  void unknownPriorityMatchesNoRule() {
    assertThat(evaluate("incentivePolicy", Map.of("priority", "D")).outputs()).isNull();
  }
}
