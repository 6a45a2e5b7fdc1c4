package org.opencollab.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
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
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST configuration with one change: a refused start or completion is HTTP 400.
 *
 * <p>Camunda's resources report any engine exception from a listener as 500 ("Cannot complete task
 * ..."). The two mappers here replace Camunda's mappers for {@link RestException} and {@link
 * ProcessEngineException} (Jersey would pick between equal mappers arbitrarily): they find the
 * {@link InvalidVariableException} among the causes and answer 400 with its message, which names
 * the field (by the label of its form, then by its variable name) and the rule. The webapps' own
 * API, which Tasklist uses, gets the same mappers ({@link VariablePayloads.Discovery}), ahead of
 * Camunda's by their priority. While the database is unavailable, any request that needs it gets
 * 503 with a message ({@link DatabaseUnavailable}). Every other exception gets Camunda's own
 * answer.
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
    registerClasses(configuration);
    register(RestExceptions.class);
    register(EngineExceptions.class);
    register(OtherExceptions.class);
    register(InvalidVariables.class);
    register(JacksonFeature.class);
  }

  static Response respond(Throwable exception) {
    if (DatabaseUnavailable.causes(exception)) {
      return DatabaseUnavailable.response();
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidVariableException invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidVariableException.class.getSimpleName());
        // Tasklist shows the message as it is: the field's label first, in the form's words.
        body.put(
            "message",
            FieldLabels.of(invalid.variable())
                .map(label -> label + " — " + invalid.getMessage())
                .orElse(invalid.getMessage()));
        body.put("field", invalid.variable());
        FieldLabels.of(invalid.variable()).ifPresent(label -> body.put("label", label));
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(body)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  @Priority(Priorities.USER - 100)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }

  /** A start listener's refusal reaches REST unwrapped. */
  public static class InvalidVariables implements ExceptionMapper<InvalidVariableException> {
    @Override
    public Response toResponse(InvalidVariableException exception) {
      return respond(exception);
    }
  }

  /** Anything else: Camunda's answer (500), or 503 while the database is unavailable. */
  public static class OtherExceptions implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return respond(exception);
    }
  }

  @Priority(Priorities.USER - 100)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }
}
