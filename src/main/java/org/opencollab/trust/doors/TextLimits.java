package org.opencollab.trust.doors;

import org.opencollab.variables.InvalidFieldException;

/**
 * How long the texts people write beside a task may be. A comment has at most 4,000 characters:
 * Camunda would keep any length (it stores the full text as bytes), and a 15 MB comment is no
 * comment. An attachment's name, type, description and link have at most what their columns hold;
 * longer ones would fail in the database as a server error. A refusal is a 400 naming the field,
 * before anything is stored, for every caller and at every door.
 */
final class TextLimits {

  static final int COMMENT_MAX_LENGTH = 4_000;

  /** A text as the request names it (the parts of Camunda's REST form), and its limit. */
  record Text(String field, String value, int limit) {}

  private TextLimits() {}

  static Text comment(String message) {
    return new Text("message", message, COMMENT_MAX_LENGTH);
  }

  /** Refuses the first text that breaks its limit. */
  static void check(Text... texts) {
    for (Text text : texts) {
      if (text.value() != null && text.value().length() > text.limit()) {
        throw new InvalidFieldException(
            text.field(),
            "has at most " + text.limit() + " characters; this one has " + text.value().length(),
            "最多 " + text.limit() + " 个字符；此处有 " + text.value().length() + " 个");
      }
    }
  }
}
