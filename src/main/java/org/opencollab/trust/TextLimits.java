package org.opencollab.trust;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * How long the texts people write beside a task may be. A comment has at most 4,000 characters:
 * Camunda would keep any length (it stores the full text as bytes), and a 15 MB comment is no
 * comment. An attachment's name, type, description and link have at most what their columns hold;
 * longer ones would fail in the database as a server error. A refusal is a 400 naming the field,
 * before anything is stored, for every caller and at every door.
 */
final class TextLimits {

  static final int COMMENT_MAX_LENGTH = 4_000;

  private record Text(String field, String value, int limit) {}

  private TextLimits() {}

  /** {@code command}, checked first when {@code original} carries such texts. */
  static <T> Command<T> guard(Command<T> command, Command<T> original) {
    List<Text> texts;
    if (original instanceof AddCommentCmd || original instanceof UpdateCommentCmd) {
      texts = List.of(text(original, "message", "message", COMMENT_MAX_LENGTH));
    } else if (original instanceof CreateAttachmentCmd) {
      // named as the parts of Camunda's REST form for an attachment
      texts =
          List.of(
              text(original, "attachmentName", "attachment-name", 255),
              text(original, "attachmentType", "attachment-type", 255),
              text(original, "attachmentDescription", "attachment-description", 4_000),
              text(original, "url", "url", 4_000));
    } else {
      return command;
    }
    return DoorGuard.before(command, context -> texts.forEach(TextLimits::check));
  }

  private static Text text(Command<?> command, String name, String field, int limit) {
    return new Text(field, CommandFields.read(command, name, String.class), limit);
  }

  private static void check(Text text) {
    if (text.value() != null && text.value().length() > text.limit()) {
      throw new InvalidFieldException(
          text.field(),
          "has at most " + text.limit() + " characters; this one has " + text.value().length(),
          "最多 " + text.limit() + " 个字符；此处有 " + text.value().length() + " 个");
    }
  }
}
