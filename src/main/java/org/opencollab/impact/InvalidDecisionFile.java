package org.opencollab.impact;

/**
 * The edited decision file cannot be previewed: it is no DMN, does not parse, lacks the decision,
 * or cannot evaluate the inputs the engine recorded. The message names the field, {@code file}, and
 * the problem, in English and in Chinese; or, when the period asks for more work than one preview
 * does, the field of the period ({@code from}).
 */
public class InvalidDecisionFile extends RuntimeException {

  public static final String FIELD = "file";

  private final String chinese;

  public InvalidDecisionFile(String english, String chinese) {
    this(FIELD, english, chinese);
  }

  InvalidDecisionFile(String field, String english, String chinese) {
    super(field + ": " + english);
    this.chinese = field + ": " + chinese;
  }

  public String english() {
    return getMessage();
  }

  public String chinese() {
    return chinese;
  }
}
