package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN {@code incentivePolicy}: the pool rate by priority and the shared thresholds. */
@ApplicationTest
class IncentivePolicyDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;
  private DecisionTester tester;

  @BeforeEach
  void setUp() {
    tester = new DecisionTester(decisionService, historyService);
  }

  @ParameterizedTest(name = "priority {0} → pool rate {1}")
  @CsvSource({"A, 0.03, Rule_PriorityA", "B, 0.02, Rule_PriorityB", "C, 0.015, Rule_PriorityC"})
  void poolRateByPriority(String priority, double poolRate, String rule) {
    DecisionTester.Evaluation evaluation = tester.evaluate("incentivePolicy", Map.of("priority", priority));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsExactlyInAnyOrderEntriesOf(Map.of("poolRate", poolRate,
        "freeRiderThreshold", 2.5, "starThreshold", 4.5, "starPromotionPoints", 10));
  }

  @Test
  void unknownPriorityMatchesNoRule() {
    assertThat(tester.evaluate("incentivePolicy", Map.of("priority", "D")).outputs()).isNull();
  }
}
