package org.opencollab.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camunda's failures, said again in words that name the step, in both languages. */
class MigrationReasonsTest {

  private static final ActivityNames NAMES =
      new ActivityNames(
          Map.of("EvaluatePeers", "Evaluate peers", "Unnamed_zh", "Only English"),
          Map.of("EvaluatePeers", "同事互评", "Unnamed_zh", "Only English"));

  @Test
  void aStepTheNewVersionLacksIsNamedInBothLanguages() {
    Reason reason =
        MigrationReasons.ofStep(
            "EvaluatePeers",
            "There is no migration instruction for this instance's activity",
            NAMES);
    assertThat(reason.activityId()).isEqualTo("EvaluatePeers");
    assertThat(reason.english())
        .isEqualTo(
            "It stands at \"Evaluate peers\", which the new version does not have (no step with"
                + " the same id, and no mapping to another step).");
    assertThat(reason.chinese()).isEqualTo("它停在「同事互评」，新版本没有这个步骤（没有相同 id 的步骤，也没有对应到别的步骤）。");
  }

  @Test
  void aMultiInstanceBodyIsNamedAsItsStep() {
    Reason reason =
        MigrationReasons.ofStep(
            "EvaluatePeers#multiInstanceBody",
            "The type of the source activity is not supported for activity instance migration",
            NAMES);
    assertThat(reason.english()).contains("\"Evaluate peers\"").doesNotContain("#");
    assertThat(reason.chinese()).contains("「同事互评」");
  }

  @Test
  void aJobWaitingAtAStepIsToldToRunFirst() {
    Reason reason =
        MigrationReasons.ofStep("EvaluatePeers", "Target activity is not asyncBefore", NAMES);
    assertThat(reason.english()).startsWith("It waits for the job executor at \"Evaluate peers\"");
    assertThat(reason.chinese()).startsWith("它在「同事互评」等待作业执行器");
  }

  @Test
  void anUnknownFailureKeepsCamundasWordsAfterTheStepsName() {
    Reason reason = MigrationReasons.ofStep("Nameless", "Something new in 7.25", NAMES);
    assertThat(reason.english())
        .isEqualTo("Camunda cannot move it at \"Nameless\": Something new in 7.25");
    assertThat(reason.chinese()).isEqualTo("Camunda 无法在「Nameless」迁移它：Something new in 7.25");
  }
}
