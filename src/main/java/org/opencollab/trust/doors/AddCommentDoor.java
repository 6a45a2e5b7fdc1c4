package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.opencollab.mention.Mentions;
import org.springframework.stereotype.Component;

/**
 * Comments come from the people who work or assign the task, never from an auditor (Camunda checks
 * nothing there), and on the task's own process instance; outside a task only from process owners.
 * A comment has at most 4,000 characters ({@link TextLimits}). The people it mentions
 * ({@code @bob}) must be able to read its opportunity, and are told of it ({@link Mentions}); a
 * comment that mentions anyone else is refused with a 400 that names them ({@link CommentText}).
 */
@Component
class AddCommentDoor implements Door<AddCommentCmd> {

  private final Mentions mentions;

  AddCommentDoor(Mentions mentions) {
    this.mentions = mentions;
  }

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
      CommentText.check(context, mentions, caller, taskId, processInstanceId, message, null);
    };
  }
}
