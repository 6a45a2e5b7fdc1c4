package org.opencollab.variables;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A process variable that breaks a rule of docs/process-variables.md. The message always starts
 * with the variable's name, so a Tasklist user, a REST client and an operator reading an incident
 * all see which field to fix. It is a {@link FormFieldValidationException} because Camunda's REST
 * resources, those of {@code /engine-rest} and those the webapps use alike, answer that exception
 * with 400 when a completion or a form submission is refused.
 */
public class InvalidVariableException extends FormFieldValidationException {

  private final String variable;

  public InvalidVariableException(String variable, String rule) {
    super(variable, variable + ": " + rule);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
