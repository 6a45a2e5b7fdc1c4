package org.opencollab.trust.doors;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.opencollab.mention.Mentions;
import org.opencollab.variables.InvalidFieldException;

/**
 * The rules of a comment's text, the same for a new comment and a changed one: at most the length
 * of a comment ({@link TextLimits}), and mentions of readers of the opportunity only, who are told
 * ({@link Mentions}); a mention of anyone else is a 400 on field {@code message} that names them.
 */
final class CommentText {

  private CommentText() {}

  /**
   * Checks {@code message} by {@code caller}, which replaces {@code before} (null for a new
   * comment: everyone it mentions is told; else only those it newly mentions).
   */
  static void check(
      CommandContext context,
      Mentions mentions,
      Caller caller,
      String taskId,
      String processInstanceId,
      String message,
      String before) {
    TextLimits.check(TextLimits.comment(message));
    mentions
        .announce(
            context.getProcessEngineConfiguration().getProcessEngine(),
            caller.userId(),
            taskId,
            processInstanceId,
            message,
            before)
        .ifPresent(
            rule -> {
              throw new InvalidFieldException("message", rule);
            });
  }
}
