package org.opencollab.variables;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.opencollab.language.Language;

/**
 * A process variable that breaks a rule of docs/process-variables.md. The message always starts
 * with the variable's name, so a Tasklist user, a REST client and an operator reading an incident
 * all see which field to fix. It is a {@link FormFieldValidationException} because Camunda's REST
 * resources, those of {@code /engine-rest} and those the webapps use alike, answer that exception
 * with 400 when a completion or a form submission is refused. The rule is in English and Chinese:
 * {@link #getMessage()} is English, for logs and incidents; REST answers {@link #message(Language)}
 * in the language of the request.
 */
public class InvalidVariableException extends FormFieldValidationException {

  private final String variable;
  private final Rule rule;

  public InvalidVariableException(String variable, Rule rule) {
    super(variable, variable + ": " + rule.english());
    this.variable = variable;
    this.rule = rule;
  }

  /** A rule of one place, its Chinese beside its English. */
  public InvalidVariableException(String variable, String english, String chinese) {
    this(variable, new Rule(english, chinese));
  }

  public String variable() {
    return variable;
  }

  public Rule rule() {
    return rule;
  }

  /** {@code variable: rule}, the rule in {@code language}. */
  public String message(Language language) {
    return variable + ": " + rule.in(language);
  }
}
