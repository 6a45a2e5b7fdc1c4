package org.opencollab.variables;

import org.camunda.bpm.engine.BadUserRequestException;
import org.opencollab.language.Language;

/**
 * A request field, other than a process variable, that breaks a limit: a comment's {@code message}
 * longer than comments may be, say. The message starts with the field's name. REST answers it with
 * 400 naming the field ({@code org.opencollab.rest.RestAnswers}), the rule in the language of the
 * request; the engine logs it, in English, as the bad request it is, not as an engine error.
 */
public class InvalidFieldException extends BadUserRequestException {

  private final String field;
  private final Rule rule;

  public InvalidFieldException(String field, Rule rule) {
    super(field + ": " + rule.english());
    this.field = field;
    this.rule = rule;
  }

  /** A rule of one place, its Chinese beside its English. */
  public InvalidFieldException(String field, String english, String chinese) {
    this(field, new Rule(english, chinese));
  }

  public String field() {
    return field;
  }

  public Rule rule() {
    return rule;
  }

  /** {@code field: rule}, the rule in {@code language}. */
  public String message(Language language) {
    return field + ": " + rule.in(language);
  }
}
