package org.opencollab.validation;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules one process checks when it starts and when each of its user tasks completes (SPEC
 * sections 3 and 4). {@link ValidationPlugin} attaches them to the parsed model, so a Tasklist form,
 * a REST call and the Java API all pass through the same checks; a refusal rolls the whole command back.
 */
public interface ProcessRules {

  String processKey();

  /** Checks the start variables; may complete them (business key, defaults). */
  void checkStart(DelegateExecution start);

  /** The rule checked when a task completes, by task definition key. */
  Map<String, TaskRule> taskRules();

  /**
   * Makes {@code key} the business key of the starting instance (SPEC: an opportunity and its disputes
   * are found by the opportunity id); a different business key given by the client is refused.
   */
  static void useAsBusinessKey(DelegateExecution start, String key) {
    String businessKey = start.getProcessBusinessKey();
    if (businessKey != null && !businessKey.equals(key)) {
      throw new InvalidVariableException("businessKey", "must equal opportunityId " + key + ", got " + businessKey);
    }
    start.setProcessBusinessKey(key);
  }

  /** Reads the variables as they stand with the completion's values applied. */
  @FunctionalInterface
  interface TaskRule {
    void check(VariableReader variables, DelegateTask task);
  }
}
