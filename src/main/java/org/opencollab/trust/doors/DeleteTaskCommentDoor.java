package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.springframework.stereotype.Component;

/**
 * A comment is deleted by its author, or by those who assign the task; all of a task's comments at
 * once only by those who assign it. The trail of a step is not the worker's to erase.
 */
@Component
class DeleteTaskCommentDoor implements Door<DeleteTaskCommentCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(DeleteTaskCommentCmd.class);
  }

  @Override
  public Check guard(DeleteTaskCommentCmd command, Caller caller) {
    if (caller == null) {
      return Check.NONE;
    }
    String taskId = CommandFields.taskId(command);
    String commentId = CommandFields.read(command, "commentId", String.class);
    return context ->
        DoorChecks.requireAuthorOrAssigner(context, caller, taskId, commentId, command);
  }
}
