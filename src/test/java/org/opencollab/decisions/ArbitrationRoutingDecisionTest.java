package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN {@code arbitrationRouting}: mediation or committee, and the mediation deadline. */
@ApplicationTest
class ArbitrationRoutingDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;
  private DecisionTester tester;

  @BeforeEach
  void setUp() {
    tester = new DecisionTester(decisionService, historyService);
  }

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
  void routesDisputes(long amountAtStake, String customerTier, String disputeType, String route, String deadline,
      String rule) {
    DecisionTester.Evaluation evaluation = tester.evaluate("arbitrationRouting",
        Map.of("amountAtStake", amountAtStake, "customerTier", customerTier, "disputeType", disputeType));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsEntry("route", route);
    // A committee route has no mediation deadline: the rule leaves that output empty.
    assertThat(evaluation.outputs().get("mediationDeadline")).isEqualTo(deadline);
  }
}
