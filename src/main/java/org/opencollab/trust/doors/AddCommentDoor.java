package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.springframework.stereotype.Component;

/**
 * Comments come from the people who work or assign the task, never from an auditor (Camunda checks
 * nothing there), and on the task's own process instance; outside a task only from process owners.
 * A comment has at most 4,000 characters ({@link TextLimits}).
 */
@Component
class AddCommentDoor implements Door<AddCommentCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AddCommentCmd.class);
  }

  @Override
  public Check guard(AddCommentCmd command, Caller caller) {
    String message = CommandFields.read(command, "message", String.class);
    if (caller == null) {
      return context -> TextLimits.check(TextLimits.comment(message));
    }
    String taskId = CommandFields.taskId(command);
    String processInstanceId = CommandFields.read(command, "processInstanceId", String.class);
    // a stranger gets 403 before any 400
    return context -> {
      DoorChecks.requireWorkerOrAssigner(context, caller, taskId, processInstanceId, command);
      TextLimits.check(TextLimits.comment(message));
    };
  }
}
