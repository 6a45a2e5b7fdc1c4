package org.opencollab.trust;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request field, other than a process variable, that breaks a limit: a comment's {@code message}
 * longer than comments may be, say. The message starts with the field's name. REST answers it with
 * 400 naming the field ({@code org.opencollab.rest.RestConfiguration}); the engine logs it as the
 * bad request it is, not as an engine error.
 */
public class InvalidFieldException extends BadUserRequestException {

  private final String field;

  public InvalidFieldException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
