package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.springframework.stereotype.Component;

/**
 * An attachment is removed by those who assign its task; one outside a task only by process owners.
 * Camunda checks nothing there.
 */
@Component
class DeleteAttachmentDoor implements Door<DeleteAttachmentCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(DeleteAttachmentCmd.class);
  }

  @Override
  public Check guard(DeleteAttachmentCmd command, Caller caller) {
    if (caller == null) {
      return Check.NONE;
    }
    String taskId = CommandFields.taskId(command);
    return context -> DoorChecks.requireAssigner(context, caller, taskId, command);
  }
}
