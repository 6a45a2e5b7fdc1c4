package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.opencollab.mention.Mentions;
import org.springframework.stereotype.Component;

/**
 * A comment is changed by its author, or by those who assign the task: the trail of a step is not
 * another worker's to rewrite. It keeps the rules of a comment's text ({@link CommentText}): the
 * changed text mentions only readers of the opportunity, and those it newly mentions are told.
 */
@Component
class UpdateCommentDoor implements Door<UpdateCommentCmd> {

  private final Mentions mentions;

  UpdateCommentDoor(Mentions mentions) {
    this.mentions = mentions;
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(UpdateCommentCmd.class);
  }

  @Override
  public Check guard(UpdateCommentCmd command, Caller caller) {
    String message = CommandFields.read(command, "message", String.class);
    if (caller == null) {
      return context -> TextLimits.check(TextLimits.comment(message));
    }
    String taskId = CommandFields.taskId(command);
    String commentId = CommandFields.read(command, "commentId", String.class);
    String processInstanceId = CommandFields.read(command, "processInstanceId", String.class);
    // a stranger gets 403 before any 400
    return context -> {
      DoorChecks.requireAuthorOrAssigner(context, caller, taskId, commentId, command);
      CommentEntity before =
          taskId != null
              ? context.getCommentManager().findCommentByTaskIdAndCommentId(taskId, commentId)
              : context
                  .getCommentManager()
                  .findCommentByProcessInstanceIdAndCommentId(processInstanceId, commentId);
      CommentText.check(
          context,
          mentions,
          caller,
          taskId,
          processInstanceId,
          message,
          before == null ? null : before.getMessage());
    };
  }
}
