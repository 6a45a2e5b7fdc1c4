package org.opencollab.impact;

/** An exception's reason as a person reads it: its deepest message, on one line, not too long. */
final class Reasons {

  private static final int MAX = 300;

  private Reasons() {}

  static String of(Throwable failure) {
    Throwable deepest = failure;
    String message = failure.getMessage();
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
      if (deepest.getMessage() != null) {
        message = deepest.getMessage();
      }
    }
    if (message == null) {
      message = failure.getClass().getSimpleName();
    }
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
  }
}
