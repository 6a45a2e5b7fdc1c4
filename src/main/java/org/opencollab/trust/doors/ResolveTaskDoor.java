package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.opencollab.rules.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * Resolving a delegated task: only by the person it is delegated to. The checks are every
 * completion's ({@link CompletionDoor}).
 */
@Component
class ResolveTaskDoor extends CompletionDoor {

  ResolveTaskDoor(List<ProcessRules> rules) {
    super(rules, "variables", true);
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(ResolveTaskCmd.class);
  }
}
