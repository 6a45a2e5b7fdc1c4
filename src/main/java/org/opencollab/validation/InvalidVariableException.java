package org.opencollab.validation;

/**
 * A process variable that breaks a rule of SPEC.md. The message always starts with the variable's
 * name, so a Tasklist user, a REST client and an operator reading an incident all see which field to fix.
 */
public class InvalidVariableException extends RuntimeException {

  private final String variable;

  public InvalidVariableException(String variable, String rule) {
    super(variable + ": " + rule);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
