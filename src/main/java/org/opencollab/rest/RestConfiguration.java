package org.opencollab.rest;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.opencollab.language.Language;
import org.opencollab.variables.InvalidFieldException;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST configuration, with refusals answered as what they are.
 *
 * <p>Camunda's resources report any engine exception from a listener as 500 ("Cannot complete task
 * ..."). The mappers of {@link RestAnswers} replace Camunda's mappers for {@link RestException} and
 * {@link ProcessEngineException} (Jersey would pick between equal mappers arbitrarily): they find
 * the {@link InvalidVariableException} or {@link InvalidFieldException} among the causes and answer
 * 400 with its message, which names the field (a variable by the label of its form, then by its
 * name) and the rule, the rule in the request's language ({@link Language}: Chinese for a Chinese
 * browser or choice, English otherwise; the log line stays English). A body that is not the JSON a
 * resource reads is a 400 that says why ({@link JsonBodies}), a body over its limit a 413 ({@link
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
    register(RestAnswers.RestExceptions.class);
    register(RestAnswers.EngineExceptions.class);
    register(RestAnswers.OtherExceptions.class);
    register(RestAnswers.InvalidVariables.class);
    register(JsonBodies.ParseErrors.class);
    register(JsonBodies.MappingErrors.class);
    register(JsonBodies.OtherErrors.class);
    register(TooLarge.Mapper.class);
    register(JacksonFeature.class);
  }
}
