package org.opencollab.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;

/**
 * The rules one process checks when it starts and when each of its user tasks completes
 * (docs/process-variables.md). {@link ValidationPlugin} attaches them to the parsed model, so a
 * Tasklist form, a REST call and the Java API all pass through the same checks; a refusal rolls the
 * whole command back.
 *
 * <p>Each step also declares its fields: what a person may write there, which are exactly the input
 * fields of its form, and what its form only shows. {@code FormFieldsTest} holds the declarations
 * and the form files to each other, and {@link StepFields} refuses everything else a start or a
 * completion carries.
 */
public interface ProcessRules {

  String processKey();

  /** The fields of the start form: all that a start, by any door, may carry. */
  Step startStep();

  /** Checks the start variables; may complete them (business key, defaults). */
  void checkStart(DelegateExecution start);

  /** The rule and the fields of every user task, by task definition key. */
  Map<String, TaskRule> taskRules();

  /**
   * Makes {@code key} the business key of the starting instance (docs/process-variables.md: an
   * opportunity and its disputes are found by the opportunity id); a different business key given
   * by the client is refused.
   */
  static void useAsBusinessKey(DelegateExecution start, String key) {
    String businessKey = start.getProcessBusinessKey();
    if (businessKey != null && !businessKey.equals(key)) {
      throw new InvalidVariableException(
          "businessKey",
          new Rule("must equal opportunityId " + key, "必须等于商机编号（opportunityId）" + key)
              .got(businessKey));
    }
    start.setProcessBusinessKey(key);
  }

  /**
   * What a person writes at one step ({@code fields}, the form's inputs) and what the form only
   * shows ({@code shown}, read-only: Tasklist may send them back, and they are accepted only
   * unchanged).
   */
  record Step(Set<String> fields, Set<String> shown) {

    public Step {
      fields = Set.copyOf(fields);
      shown = Set.copyOf(shown);
    }

    public static Step writes(String... fields) {
      return new Step(Set.of(fields), Set.of());
    }

    public Step shows(List<String> common, String... more) {
      Set<String> all = new LinkedHashSet<>(shown);
      all.addAll(common);
      all.addAll(List.of(more));
      return new Step(fields, all);
    }
  }

  static Map.Entry<String, TaskRule> rule(String taskKey, Step step, Check check) {
    return Map.entry(taskKey, new TaskRule(step, check));
  }

  /** A task's step and the check of its values, run when it completes. */
  record TaskRule(Step step, Check check) {

    public void check(VariableReader variables, DelegateTask task) {
      check.check(variables, task);
    }
  }

  /** Reads the variables as they stand with the completion's values applied. */
  @FunctionalInterface
  interface Check {
    void check(VariableReader variables, DelegateTask task);
  }
}
