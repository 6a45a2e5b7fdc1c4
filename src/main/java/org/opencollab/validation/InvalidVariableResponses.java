package org.opencollab.validation;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Turns a refused start or completion into HTTP 400 on {@code /engine-rest}. Camunda's REST resources
 * report any engine exception from a listener as 500 "Cannot complete task ..."; this finds the
 * {@link InvalidVariableException} in the causes and answers 400 with its message, which names the
 * field and the rule. Every other exception keeps Camunda's own answer.
 */
@Component
public class InvalidVariableResponses implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestExceptions.class);
    config.register(EngineExceptions.class);
  }

  static Response respond(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidVariableException invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidVariableException.class.getSimpleName());
        body.put("message", invalid.getMessage());
        body.put("field", invalid.variable());
        return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }
}
