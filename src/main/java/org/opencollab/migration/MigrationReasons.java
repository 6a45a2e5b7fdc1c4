package org.opencollab.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;

/**
 * Camunda's validation reports (a plan's {@code MigrationPlanValidationException}, an instance's
 * {@code MigratingProcessInstanceValidationException}) as sentences a process owner reads, in both
 * languages, each naming the step by its name in the model. Camunda's failures are English
 * sentences for developers; the ones this product meets are said again in plain words, any other is
 * kept as Camunda wrote it after the step's name in English, and said in general terms in Chinese.
 * Every reason keeps Camunda's own words as its {@code detail}, never inside the Chinese sentence.
 */
final class MigrationReasons {

  private MigrationReasons() {}

  /** Why the plan from {@code source} to {@code target} is not valid. */
  static List<Reason> ofPlan(
      MigrationPlanValidationReport report, ActivityNames source, ActivityNames target) {
    List<Reason> reasons = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
      String from = instruction.getMigrationInstruction().getSourceActivityId();
      String to = instruction.getMigrationInstruction().getTargetActivityId();
      for (String failure : instruction.getFailures()) {
        reasons.add(
            new Reason(
                from,
                "The step \""
                    + source.english(from)
                    + "\" cannot become \""
                    + target.english(to)
                    + "\" of the new version: "
                    + englishOfInstruction(failure),
                "步骤「"
                    + source.chinese(from)
                    + "」不能对应到新版本的「"
                    + target.chinese(to)
                    + "」："
                    + chineseOfInstruction(failure),
                failure));
      }
    }
    report
        .getVariableReports()
        .forEach((name, variable) -> reasons.addAll(ofVariable(name, variable.getFailures())));
    return List.copyOf(reasons);
  }

  private static List<Reason> ofVariable(String name, List<String> failures) {
    return failures.stream()
        .map(
            failure ->
                new Reason(
                    "",
                    "The variable " + name + " the plan would set is not valid: " + failure,
                    "迁移计划要设置的变量 " + name + " 无效。",
                    failure))
        .toList();
  }

  /** Why one instance cannot move, step by step where it stands. */
  static List<Reason> ofInstance(
      MigratingProcessInstanceValidationReport report, ActivityNames names) {
    List<Reason> reasons = new ArrayList<>();
    for (String failure : report.getFailures()) {
      reasons.add(
          new Reason(
              "", "Camunda cannot move this instance: " + failure, "Camunda 无法迁移这个实例。", failure));
    }
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      for (String failure : activity.getFailures()) {
        reasons.add(ofStep(activity.getSourceScopeId(), failure, names));
      }
    }
    for (MigratingTransitionInstanceValidationReport transition :
        report.getTransitionInstanceReports()) {
      for (String failure : transition.getFailures()) {
        reasons.add(ofStep(transition.getSourceScopeId(), failure, names));
      }
    }
    return List.copyOf(reasons);
  }

  /** Why an instance standing at {@code activityId} cannot move, for Camunda's {@code failure}. */
  static Reason ofStep(String activityId, String failure, ActivityNames names) {
    String en = names.english(activityId);
    String zh = names.chinese(activityId);
    if (en.isBlank()) { // a failure of no step in particular
      return new Reason(
          activityId,
          "Camunda cannot move it: " + failure,
          "Camunda 无法迁移它（原因未译成中文，Camunda 的英文原文另附）。",
          failure);
    }
    if (failure.startsWith("There is no migration instruction for this instance's activity")) {
      return new Reason(
          activityId,
          "It stands at \""
              + en
              + "\", which the new version does not have (no step with the same id, and no"
              + " mapping to another step).",
          "它停在「" + zh + "」，新版本没有这个步骤（没有相同 id 的步骤，也没有对应到别的步骤）。",
          failure);
    }
    if (failure.startsWith("The type of the source activity is not supported")) {
      return new Reason(
          activityId,
          "It stands at \"" + en + "\", a kind of step Camunda cannot move while it is active.",
          "它停在「" + zh + "」，Camunda 无法在这类步骤进行中迁移实例。",
          failure);
    }
    if (failure.startsWith("Target activity is not async")
        || failure.startsWith("Transition instance")
        || failure.startsWith("A transition instance")) {
      return new Reason(
          activityId,
          "It waits for the job executor at \""
              + en
              + "\", and the new version does not wait at that step in the same way. Let the job"
              + " run, then plan again.",
          "它在「" + zh + "」等待作业执行器，而新版本在这个步骤不以同样方式等待。请待作业执行后再次制定计划。",
          failure);
    }
    if (failure.startsWith("The variable")) {
      return new Reason(
          activityId,
          "At \"" + en + "\", two of its variables of the same name would collide: " + failure,
          "在「" + zh + "」，两个同名变量会相互覆盖。",
          failure);
    }
    return new Reason(
        activityId,
        "Camunda cannot move it at \"" + en + "\": " + failure,
        "Camunda 无法在「" + zh + "」迁移它（原因未译成中文，Camunda 的英文原文另附）。",
        failure);
  }

  private static String englishOfInstruction(String failure) {
    if (failure.startsWith("Activities have incompatible types")) {
      return "they are different kinds of step.";
    }
    if (failure.startsWith("Events are not of the same type")) {
      return "they are different kinds of event.";
    }
    if (failure.startsWith("There are multiple mappings")) {
      return "the step is mapped more than once.";
    }
    return failure;
  }

  private static String chineseOfInstruction(String failure) {
    if (failure.startsWith("Activities have incompatible types")) {
      return "两者是不同种类的步骤。";
    }
    if (failure.startsWith("Events are not of the same type")) {
      return "两者是不同种类的事件。";
    }
    if (failure.startsWith("There are multiple mappings")) {
      return "这个步骤被对应了不止一次。";
    }
    return "Camunda 不接受这一对应（原因未译成中文，Camunda 的英文原文另附）。";
  }
}
