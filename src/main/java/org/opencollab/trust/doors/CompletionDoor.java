package org.opencollab.trust.doors;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.opencollab.rules.ProcessRules;
import org.opencollab.rules.ProcessRules.TaskRule;
import org.opencollab.rules.StepFields;

/**
 * Finishing a step, whichever door it comes through (complete, resolve, submit the form): the
 * completion carries only the step's fields ({@link StepFields}), a delegated task is resolved only
 * by the person it is delegated to, and the executive sponsor does not complete the approval of
 * their own opportunity's incentives. Two people finishing parallel tasks of one opportunity at the
 * same instant collide in the engine; the loser's completion runs again ({@link #retried}).
 */
abstract class CompletionDoor implements Door<Object> {

  private final Map<String, ProcessRules> rulesByProcess;
  private final String payloadField;
  private final boolean resolves;

  /**
   * @param payloadField the command's field that holds the variables it writes
   * @param resolves whether the command resolves a delegated task rather than completing it
   */
  CompletionDoor(List<ProcessRules> rules, String payloadField, boolean resolves) {
    this.rulesByProcess =
        rules.stream().collect(Collectors.toMap(ProcessRules::processKey, Function.identity()));
    this.payloadField = payloadField;
    this.resolves = resolves;
  }

  @Override
  public Check guard(Object command, Caller caller) {
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = CommandFields.read(command, payloadField, Map.class);
    DoorChecks.refuseJavaSerialized(payload);
    String taskId = CommandFields.taskId(command);
    return context -> {
      TaskEntity task = DoorChecks.existingTask(context, taskId);
      if (resolves || task.getDelegationState() == DelegationState.PENDING) {
        requireDelegatedTo(task, caller);
      }
      refuseStandingAside(task, caller);
      checkFields(task, payload);
    };
  }

  @Override
  public boolean retried() {
    return true;
  }

  @Override
  public String taskOf(Object command) {
    return CommandFields.taskId(command);
  }

  /**
   * Resolving is for the person a task was delegated to, with the step's fields, as {@link
   * StepFields} checks.
   */
  private static void requireDelegatedTo(TaskEntity task, Caller caller) {
    if (caller != null
        && !caller.isProcessOwner()
        && (task.getDelegationState() != DelegationState.PENDING
            || !caller.userId().equals(task.getAssignee()))) {
      throw new AuthorizationException(
          caller.userId()
              + " may not resolve task "
              + task.getId()
              + ": only the person it is delegated to resolves it");
    }
  }

  /** The executive sponsor does not complete the approval of their own opportunity's incentives. */
  private static void refuseStandingAside(TaskEntity task, Caller caller) {
    if (caller != null && StepRoles.standsAside(task).filter(caller.userId()::equals).isPresent()) {
      throw new AuthorizationException(StepRoles.whyAside(task, caller.userId()));
    }
  }

  private void checkFields(TaskEntity task, Map<String, Object> payload) {
    ProcessRules rules =
        task.getProcessDefinition() == null
            ? null
            : rulesByProcess.get(task.getProcessDefinition().getKey());
    TaskRule rule = rules == null ? null : rules.taskRules().get(task.getTaskDefinitionKey());
    if (rule != null) {
      StepFields.checkCompletion(task, rule.step(), payload);
    }
  }
}
