package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code healthWarnings}: each measure's threshold, just below and at it. */
class HealthWarningsDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource({
    "medianClaimHours, 48.0, ",
    "medianClaimHours, 48.1, SLOW_CLAIM",
    "disputesAgainst, 2, ",
    "disputesAgainst, 3, DISPUTES_AGAINST",
    "freeRiderJudgements, 1, ",
    "freeRiderJudgements, 2, REPEATED_FREE_RIDER",
    "consecutiveAtRiskSprints, 1, ",
    "consecutiveAtRiskSprints, 2, SPRINTS_AT_RISK",
    "slaTimersFired, 99, "
  })
  void warningAtTheThreshold(String measure, double value, String warning) {
    Evaluation evaluation = evaluate("healthWarnings", Map.of("measure", measure, "value", value));
    if (warning == null) {
      assertThat(evaluation.outputs()).isNull();
    } else {
      assertThat(evaluation.outputs()).containsEntry("warning", warning);
      assertThat((String) evaluation.outputs().get("condition")).contains(" / ");
    }
  }
}
