package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN {@code incentivePolicy}: the pool rate by priority and the shared thresholds, 360-degree
 * weights and support points.
 */
class IncentivePolicyDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "priority {0} → pool rate {1}")
  @CsvSource({"A, 0.03, Rule_PriorityA", "B, 0.02, Rule_PriorityB", "C, 0.015, Rule_PriorityC"})
  void poolRateByPriority(String priority, double poolRate, String rule) {
    Evaluation evaluation = evaluate("incentivePolicy", Map.of("priority", priority));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("poolRate", poolRate),
                Map.entry("freeRiderThreshold", 2.5),
                Map.entry("starThreshold", 4.5),
                Map.entry("starPromotionPoints", 10),
                Map.entry("peerWeight", 0.6),
                Map.entry("sponsorWeight", 0.2),
                Map.entry("coordinatorWeight", 0.2),
                Map.entry("supportThreshold", 4.0),
                Map.entry("supportPromotionPoints", 2)));
  }

  @Test
  void unknownPriorityMatchesNoRule() {
    assertThat(evaluate("incentivePolicy", Map.of("priority", "D")).outputs()).isNull();
  }
}
