package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code serviceLevels}: each priority's durations and task priority, and no priority. */
class ServiceLevelsDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "priority {0} → tech {1}, vote {2}, task priority {6}")
  @CsvSource({
    "A, P3D, P3D, P2D, P14D, P1D, 80, Rule_A",
    "B, P5D, P5D, P3D, P14D, P2D, 50, Rule_B",
    "C, P7D, P5D, P3D, P14D, P3D, 30, Rule_C",
    ", P5D, P5D, P3D, P14D, P2D, 50, Rule_Other"
  })
  void serviceLevelsByPriority(
      String priority,
      String techResponse,
      String committeeVote,
      String mediation,
      String sprintLength,
      String grace,
      int taskPriority,
      String rule) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("priority", priority);
    Evaluation evaluation = evaluate("serviceLevels", inputs);

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "techResponse", techResponse,
                "committeeVote", committeeVote,
                "mediation", mediation,
                "sprintLength", sprintLength,
                "sprintReviewGrace", grace,
                "taskPriority", taskPriority));
  }
}
