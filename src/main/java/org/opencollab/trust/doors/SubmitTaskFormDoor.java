package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.opencollab.rules.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * Submitting a task's form, as Tasklist does. The checks are every completion's ({@link
 * CompletionDoor}).
 */
@Component
class SubmitTaskFormDoor extends CompletionDoor {

  SubmitTaskFormDoor(List<ProcessRules> rules) {
    super(rules, "properties", false);
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(SubmitTaskFormCmd.class);
  }
}
