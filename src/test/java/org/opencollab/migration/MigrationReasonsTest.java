package org.opencollab.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.migration.MigrationInstructionImpl;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingProcessInstanceValidationReportImpl;
import org.camunda.bpm.engine.impl.migration.validation.instruction.MigrationInstructionValidationReportImpl;
import org.camunda.bpm.engine.impl.migration.validation.instruction.MigrationPlanValidationReportImpl;
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
  void anUnknownFailureKeepsCamundasWordsInEnglishAndAsTheDetailNotInChinese() {
    Reason reason = MigrationReasons.ofStep("EvaluatePeers", "Something new in 7.25", NAMES);
    assertThat(reason.english())
        .isEqualTo("Camunda cannot move it at \"Evaluate peers\": Something new in 7.25");
    assertThat(reason.chinese()).isEqualTo("Camunda 无法在「同事互评」迁移它（原因未译成中文，Camunda 的英文原文另附）。");
    assertThat(reason.detail()).isEqualTo("Something new in 7.25");
  }

  @Test
  void everyChineseReasonIsChineseWhateverCamundaWrote() {
    String[] failures = {
      "There is no migration instruction for this instance's activity",
      "The type of the source activity is not supported for activity instance migration",
      "Target activity is not asyncBefore",
      "Transition instance is assigned to no instruction",
      "The variable 'amount' exists in both scopes",
      "Something new in 7.25",
    };
    for (String activityId : new String[] {"EvaluatePeers", ""}) {
      for (String failure : failures) {
        Reason reason = MigrationReasons.ofStep(activityId, failure, NAMES);
        assertThat(reason.chinese()).as(failure).doesNotContain(failure).doesNotContain("「」");
        assertThat(withoutNames(reason.chinese()))
            .as(failure)
            .doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(reason.detail()).as(failure).isEqualTo(failure);
      }
    }
  }

  @Test
  void aFailureOfTheInstanceOrOfAMappingIsSaidInChineseWithCamundasWordsAsTheDetail() {
    MigratingProcessInstanceValidationReportImpl instance =
        new MigratingProcessInstanceValidationReportImpl();
    instance.addFailure("Something new in 7.25");
    MigrationInstructionValidationReportImpl instruction =
        new MigrationInstructionValidationReportImpl(
            new MigrationInstructionImpl("EvaluatePeers", "EvaluatePeers"));
    instruction.addFailure("Something else new in 7.25");
    MigrationPlanValidationReportImpl plan = new MigrationPlanValidationReportImpl(null);
    plan.addInstructionReport(instruction);

    Reason ofInstance = MigrationReasons.ofInstance(instance, NAMES).get(0);
    assertThat(ofInstance.chinese()).isEqualTo("Camunda 无法迁移这个实例。");
    assertThat(ofInstance.detail()).isEqualTo("Something new in 7.25");
    Reason ofPlan = MigrationReasons.ofPlan(plan, NAMES, NAMES).get(0);
    assertThat(ofPlan.chinese()).startsWith("步骤「同事互评」不能对应到新版本的「同事互评」：").doesNotContain("Something");
    assertThat(ofPlan.english()).endsWith("Something else new in 7.25");
    assertThat(ofPlan.detail()).isEqualTo("Something else new in 7.25");
  }

  /** The Chinese sentence without the product's own names in it: Camunda, job, id. */
  private static String withoutNames(String chinese) {
    return chinese.replace("Camunda", "").replace(" id ", "");
  }
}
