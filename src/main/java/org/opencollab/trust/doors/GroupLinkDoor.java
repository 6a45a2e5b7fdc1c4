package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.springframework.stereotype.Component;

/**
 * Making a group a candidate for a task: only a group that may do the step, never for a step that
 * is one person's own (a peer evaluation, a committee vote).
 */
@Component
class GroupLinkDoor implements Door<AddGroupIdentityLinkCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AddGroupIdentityLinkCmd.class);
  }

  @Override
  public Check guard(AddGroupIdentityLinkCmd command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    if (caller == null) {
      return DoorChecks.onRunningTask(taskId);
    }
    String groupId = CommandFields.read(command, "groupId", String.class);
    return context -> DoorChecks.requireMayHandOn(context, taskId, null, groupId, true);
  }
}
