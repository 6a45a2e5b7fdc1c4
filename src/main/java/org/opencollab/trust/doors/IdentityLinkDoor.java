package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.springframework.stereotype.Component;

/**
 * Giving a task to a person or group (assignee, owner, candidate): a task is only ever handed to
 * someone who may do the step ({@link StepRoles}), whoever hands it, so a worker cannot pass the
 * SALES sign-off to marketing, nor a coordinator one member's vote to another.
 */
@Component
class IdentityLinkDoor implements Door<AbstractAddIdentityLinkCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AbstractAddIdentityLinkCmd.class);
  }

  @Override
  public Check guard(AbstractAddIdentityLinkCmd command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    if (caller == null) {
      return DoorChecks.onRunningTask(taskId);
    }
    String userId = CommandFields.userId(command);
    String groupId = CommandFields.read(command, "groupId", String.class);
    return context -> DoorChecks.requireMayHandOn(context, taskId, userId, groupId, false);
  }
}
