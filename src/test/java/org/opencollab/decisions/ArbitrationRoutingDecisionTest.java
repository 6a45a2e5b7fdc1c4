package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code arbitrationRouting}: mediation or committee, and the mediation deadline. */
class ArbitrationRoutingDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "{0} CNY {1} {2} → {3} {4} by {5}")
  @CsvSource({
    // amountAtStake, tier, disputeType → route, deadline, rule
    "1000000, STANDARD,  RESOURCE_ALLOCATION, COMMITTEE, ,    Rule_LargeAmount",
    "5000000, STRATEGIC, RESPONSIBILITY,      COMMITTEE, ,    Rule_LargeAmount",
    "999999,  STRATEGIC, DATA_ACCESS,         COMMITTEE, ,    Rule_StrategicCustomer",
    "0,       STRATEGIC, RESPONSIBILITY,      COMMITTEE, ,    Rule_StrategicCustomer",
    "999999,  KEY,       RESPONSIBILITY,      MEDIATION, P2D, Rule_Responsibility",
    "0,       STANDARD,  RESPONSIBILITY,      MEDIATION, P2D, Rule_Responsibility",
    "999999,  STANDARD,  RESOURCE_ALLOCATION, MEDIATION, P3D, Rule_Otherwise",
    "0,       KEY,       DATA_ACCESS,         MEDIATION, P3D, Rule_Otherwise",
    "0,       STANDARD,  PRIORITY,            MEDIATION, P3D, Rule_Otherwise",
    "0,       STANDARD,  INCENTIVE_SPLIT,     MEDIATION, P3D, Rule_Otherwise",
  })
  void routesDisputes(
      long amountAtStake,
      String customerTier,
      String disputeType,
      String route,
      String deadline,
      String rule) {
    Evaluation evaluation =
        evaluate(
            "arbitrationRouting",
            Map.of(
                "amountAtStake",
                amountAtStake,
                "customerTier",
                customerTier,
                "disputeType",
                disputeType));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsEntry("route", route);
    // A committee route has no mediation deadline: the rule leaves that output empty.
    assertThat(evaluation.outputs().get("mediationDeadline")).isEqualTo(deadline);
  }
}
