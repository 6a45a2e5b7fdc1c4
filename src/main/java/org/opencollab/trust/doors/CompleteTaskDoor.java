package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.opencollab.rules.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * Completing a task with {@code POST /task/{id}/complete} or the Java API. The checks are every
 * completion's ({@link CompletionDoor}).
 */
@Component
class CompleteTaskDoor extends CompletionDoor {

  CompleteTaskDoor(List<ProcessRules> rules) {
    super(rules, "variables", false);
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(CompleteTaskCmd.class);
  }
}
