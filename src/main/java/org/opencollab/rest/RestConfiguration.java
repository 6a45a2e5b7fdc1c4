package org.opencollab.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.opencollab.language.Language;
import org.opencollab.trust.InvalidFieldException;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST configuration, with refusals answered as what they are.
 *
 * <p>Camunda's resources report any engine exception from a listener as 500 ("Cannot complete task
 * ..."). The mappers here replace Camunda's mappers for {@link RestException} and {@link
 * ProcessEngineException} (Jersey would pick between equal mappers arbitrarily): they find the
 * {@link InvalidVariableException} or {@link InvalidFieldException} among the causes and answer 400
 * with its message, which names the field (a variable by the label of its form, then by its name)
 * and the rule, the rule in the request's language ({@link Language}: Chinese for a Chinese browser
 * or choice, English otherwise; the log line stays English). A body that is not the JSON a resource
 * reads is a 400 that says why ({@link JsonBodies}), a body over its limit a 413 ({@link
 * BodySizeLimit}). Every refusal (an answer below 500) is logged as one WARN line without a stack
 * ({@link Refusals}). The webapps' own API, which Tasklist uses, gets the same mappers ({@link
 * VariablePayloads.Discovery}), ahead of Camunda's by their priority. While the database is
 * unavailable, any request that needs it gets 503 with a message ({@link DatabaseUnavailable}).
 * Every other exception gets Camunda's own answer.
 */
@Component
public class RestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration =
        new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
    configuration.remove(RestExceptionHandler.class);
    configuration.remove(ProcessEngineExceptionHandler.class);
    configuration.remove(ExceptionHandler.class);
    configuration.remove(JsonMappingExceptionHandler.class);
    configuration.remove(JsonParseExceptionHandler.class);
    registerClasses(configuration);
    register(RestExceptions.class);
    register(EngineExceptions.class);
    register(OtherExceptions.class);
    register(InvalidVariables.class);
    register(JsonBodies.ParseErrors.class);
    register(JsonBodies.MappingErrors.class);
    register(JsonBodies.OtherErrors.class);
    register(TooLarge.Mapper.class);
    register(JacksonFeature.class);
  }

  static Response respond(Throwable exception, HttpServletRequest request) {
    if (DatabaseUnavailable.causes(exception)) {
      return DatabaseUnavailable.response();
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySizeLimit.BodyTooLargeException) {
        // BodySizeLimit has answered and logged already; this answer goes nowhere
        return TooLarge.response(cause.getMessage());
      }
      if (cause instanceof InvalidVariableException invalid) {
        Refusals.log(request, invalid.getMessage());
        String message = invalid.message(Language.of(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidVariableException.class.getSimpleName());
        // Tasklist shows the message as it is: the field's label first, in the form's words, then
        // the rule in the person's language.
        body.put(
            "message",
            FieldLabels.of(invalid.variable())
                .map(label -> label + " — " + message)
                .orElse(message));
        body.put("field", invalid.variable());
        FieldLabels.of(invalid.variable()).ifPresent(label -> body.put("label", label));
        return badRequest(body);
      }
      if (cause instanceof InvalidFieldException invalid) {
        Refusals.log(request, invalid.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidFieldException.class.getSimpleName());
        body.put("message", invalid.message(Language.of(request)));
        body.put("field", invalid.field());
        return badRequest(body);
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

  private static Response badRequest(Map<String, Object> body) {
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
