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
        .containsAllEntriesOf(
            Map.of(
                "techResponse", techResponse,
                "committeeVote", committeeVote,
                "mediation", mediation,
                "sprintLength", sprintLength,
                "sprintReviewGrace", grace,
                "taskPriority", taskPriority));
  }

  /** Each kind of step's column, the time it may take before it is late, by priority. */
  @ParameterizedTest(name = "{0}: A {1}, B {2}, C {3}, none {4}")
  @CsvSource({
    "qualification, P2D, P3D, P5D, P3D",
    "teamForming, P2D, P3D, P5D, P3D",
    "pressRelease, P3D, P5D, P7D, P5D",
    "agreementDraft, P3D, P5D, P5D, P5D",
    "signOff, P2D, P3D, P5D, P3D",
    "bidApproval, P1D, P2D, P3D, P2D",
    "offer, P3D, P5D, P7D, P5D",
    "negotiation, P10D, P14D, P21D, P14D",
    "deliveryPlanning, P3D, P5D, P7D, P5D",
    "acceptance, P5D, P7D, P10D, P7D",
    "inputReport, P3D, P5D, P5D, P5D",
    "evaluation, P3D, P5D, P5D, P5D",
    "incentiveApproval, P2D, P3D, P5D, P3D",
    "lossRecord, P3D, P5D, P5D, P5D",
    "retrospective, P7D, P10D, P14D, P10D",
    "chairRuling, P2D, P3D, P3D, P3D",
    "rulingRecord, P1D, P2D, P2D, P2D",
    "followUp, P1D, P2D, P2D, P2D",
    "feedbackAnswer, P3D, P5D, P7D, P5D",
    "healthReview, P5D, P5D, P5D, P5D",
    "warningFollowUp, P7D, P7D, P7D, P7D"
  })
  void everyKindOfStepHasItsServiceLevel(String step, String a, String b, String c, String none) {
    Map<String, String> expected = new HashMap<>();
    expected.put("A", a);
    expected.put("B", b);
    expected.put("C", c);
    expected.put(null, none);
    expected.forEach(
        (priority, within) -> {
          Map<String, Object> inputs = new HashMap<>();
          inputs.put("priority", priority);
          assertThat(evaluate("serviceLevels", inputs).outputs())
              .as("%s for priority %s", step, priority)
              .containsEntry(step, within);
        });
  }
}
