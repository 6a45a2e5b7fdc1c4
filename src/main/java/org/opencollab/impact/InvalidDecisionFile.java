package org.opencollab.impact;

/**
 * The edited decision file cannot be previewed: it is no DMN, does not parse, lacks the decision,
 * or cannot evaluate the inputs the engine recorded. The message names the field, {@code file}, and
 * the problem, in English and in Chinese.
 */
public class InvalidDecisionFile extends RuntimeException {

  public static final String FIELD = "file";

  private final String chinese;

  public InvalidDecisionFile(String english, String chinese) {
    super(FIELD + ": " + english);
    this.chinese = FIELD + ": " + chinese;
  }

  public String english() {
    return getMessage();
  }

  public String chinese() {
    return chinese;
  }
}
