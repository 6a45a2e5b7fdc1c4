package org.opencollab.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.VariableReader;

/** The departments' commitments: their rule, and set against the reported input. */
class DepartmentCommitmentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportedHoursAreSetAgainstTheCommittedPersonDays() throws Exception {
    JsonNode commitments =
        JSON.readTree(
            "{\"SALES\": {\"people\": 2, \"days\": 15}, \"TECH\": {\"people\": 3, \"days\": 20}}");
    JsonNode inputs =
        JSON.readTree(
            "{\"SALES\": {\"hours\": 100, \"cost\": \"10000.00\"},"
                + " \"TECH\": {\"hours\": 500.5, \"cost\": \"50000.00\"},"
                + " \"DELIVERY\": {\"hours\": 40, \"cost\": \"4000.00\"}}");

    JsonNode rows = DepartmentCommitments.againstInput(commitments, inputs);

    assertThat(rows.toString())
        .isEqualTo(
            "[{\"department\":\"DELIVERY\",\"reportedHours\":40,\"reportedPersonDays\":5.00},"
                + "{\"department\":\"SALES\",\"people\":2,\"days\":15,\"committedPersonDays\":30,"
                + "\"reportedHours\":100,\"reportedPersonDays\":12.50,\"percentOfCommitment\":41.7},"
                + "{\"department\":\"TECH\",\"people\":3,\"days\":20,\"committedPersonDays\":60,"
                + "\"reportedHours\":500.5,\"reportedPersonDays\":62.56,"
                + "\"percentOfCommitment\":104.3}]");
  }

  @Test
  void everyInvolvedDepartmentCommitsPeopleAndDaysWithinTheirLimits() {
    Set<String> involved = Set.of("SALES", "TECH");
    assertThat(
            DepartmentCommitments.check(
                reader(
                    "{\"SALES\": {\"people\": 1, \"days\": 3650},"
                        + " \"TECH\": {\"people\": 1000, \"days\": 1}}"),
                "departmentCommitments",
                involved))
        .containsOnlyKeys("SALES", "TECH");
    assertThatThrownBy(
            () ->
                DepartmentCommitments.check(
                    reader(
                        "{\"SALES\": {\"people\": 1001, \"days\": 3},"
                            + " \"TECH\": {\"people\": 1, \"days\": 1}}"),
                    "departmentCommitments",
                    involved))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessageContaining("SALES's people must be a whole number from 1 to 1000");
    assertThatThrownBy(
            () ->
                DepartmentCommitments.check(
                    reader("{\"SALES\": {\"people\": 1, \"days\": 3}}"),
                    "departmentCommitments",
                    involved))
        .hasMessageContaining("keys must be exactly the involved departments SALES, TECH");
  }

  /** The variable as a REST client sends it, Json text. */
  private static VariableReader reader(String json) {
    return VariableReader.of(name -> json);
  }
}
