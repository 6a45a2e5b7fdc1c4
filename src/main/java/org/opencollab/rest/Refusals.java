package org.opencollab.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.opencollab.variables.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refused request is the caller's mistake, not the server's: it is logged as one WARN line that
 * says what was refused and why (the message names the field), without a stack trace. Genuine
 * server errors keep Camunda's ERROR with the stack. What the caller wrote reaches the log only
 * through {@link #logSafe}, so it cannot start a line of its own.
 */
public final class Refusals {

  private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
  private static final int MAX_LOGGED = 500;
  private static final char LINE_SEPARATOR = (char) 0x2028;
  private static final char PARAGRAPH_SEPARATOR = (char) 0x2029;

  private Refusals() {}

  /** One WARN line: the request and the reason. */
  static void log(HttpServletRequest request, String reason) {
    if (request == null) {
      LOG.warn("Refused: {}", logSafe(reason));
    } else {
      LOG.warn(
          "Refused {} {}: {}",
          logSafe(request.getMethod()),
          logSafe(request.getRequestURI()),
          logSafe(reason));
    }
  }

  /**
   * Whether REST answers {@code exception} as a refusal, below 500: a bad request, a missing
   * permission, a REST answer below 500, or a field that breaks a rule anywhere among its causes (a
   * listener's refusal reaches REST wrapped in the engine's exception; {@link RestAnswers} finds it
   * there).
   */
  public static boolean isRefusal(Throwable exception) {
    if (exception instanceof BadUserRequestException
        || exception instanceof AuthorizationException
        || exception instanceof RestException rest
            && rest.getStatus() != null
            && rest.getStatus().getStatusCode() < 500) {
      return true;
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof InvalidFieldException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * {@code text} on one line: line breaks, tabs and other control characters are written as escapes
   * (a line break as a backslash and {@code n}), and it is cut after 500 characters.
   */
  public static String logSafe(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LOGGED) + 16);
    int i = 0;
    for (; i < text.length() && safe.length() < MAX_LOGGED; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> safe.append("\\n");
        case '\r' -> safe.append("\\r");
        case '\t' -> safe.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR) {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
        }
      }
    }
    if (i < text.length()) {
      safe.append("… (").append(text.length()).append(" characters)");
    }
    return safe.toString();
  }
}
