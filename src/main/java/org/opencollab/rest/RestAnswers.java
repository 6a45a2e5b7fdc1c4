package org.opencollab.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.opencollab.language.Language;
import org.opencollab.variables.InvalidFieldException;
import org.opencollab.variables.InvalidVariableException;

/**
 * What the REST API answers when a request fails ({@link RestConfiguration}): a refused variable or
 * field is a 400 that names it, in the request's language; a body over its limit a 413; 503 while
 * the database is unavailable; anything else Camunda's own answer. The mappers here stand in for
 * Camunda's.
 */
final class RestAnswers {

  private RestAnswers() {}

  static Response respond(Throwable exception, HttpServletRequest request) {
    if (DatabaseUnavailable.causes(exception)) {
      return DatabaseUnavailable.response();
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException) {
        // BodySizeLimit has answered and logged already; this answer goes nowhere
        return TooLarge.response(cause.getMessage());
      }
      if (cause instanceof InvalidVariableException invalid) {
        Refusals.log(request, invalid.getMessage());
        String message = invalid.message(Language.of(request));
        // Tasklist shows the message as it is: the field's label first, in the form's words, then
        // the rule in the person's language.
        Map<String, Object> body =
            body(
                InvalidVariableException.class.getSimpleName(),
                FieldLabels.of(invalid.variable())
                    .map(label -> label + " — " + message)
                    .orElse(message),
                invalid.variable());
        FieldLabels.of(invalid.variable()).ifPresent(label -> body.put("label", label));
        return badRequest(body);
      }
      if (cause instanceof InvalidFieldException invalid) {
        Refusals.log(request, invalid.getMessage());
        return badRequest(
            body(
                InvalidFieldException.class.getSimpleName(),
                invalid.message(Language.of(request)),
                invalid.field()));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (exception instanceof RestException rest
        && rest.getStatus() == Response.Status.REQUEST_ENTITY_TOO_LARGE) {
      Refusals.log(request, rest.getMessage());
      return TooLarge.response(rest.getMessage());
    }
    Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
    if (response.getStatus() < 500) {
      // Camunda logs it at DEBUG only; the operator sees one line per refusal
      Refusals.log(request, String.valueOf(exception.getMessage()));
    }
    return response;
  }

  /**
   * The body of a 400, as Camunda's REST API writes its own: {@code type}, {@code message}, and the
   * {@code field} it is about unless that is empty (the request as a whole).
   */
  static Map<String, Object> body(String type, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null && !field.isEmpty()) {
      body.put("field", field);
    }
    return body;
  }

  static Response badRequest(Map<String, Object> body) {
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(body)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @Priority(Priorities.USER - 100)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(RestException exception) {
      return respond(exception, request);
    }
  }

  /** A start listener's refusal reaches REST unwrapped. */
  public static class InvalidVariables implements ExceptionMapper<InvalidVariableException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(InvalidVariableException exception) {
      return respond(exception, request);
    }
  }

  /** Anything else: Camunda's answer (500), or 503 while the database is unavailable. */
  public static class OtherExceptions implements ExceptionMapper<Throwable> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
      return respond(exception, request);
    }
  }

  @Priority(Priorities.USER - 100)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception, request);
    }
  }
}
