package org.opencollab.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.opencollab.trust.HiddenTasks;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * Checks the typed numbers of a REST request's variables before Camunda converts them, so that a
 * value that does not fit its type ({@code {"value": 99999999999999999999, "type": "Long"}}) is a
 * 400 that names the variable; Camunda's own message names only the value.
 *
 * <p>Jersey discovers this class (META-INF/services) for every REST application of the product:
 * {@code /engine-rest} and the webapps' own API, which Tasklist uses.
 */
public class VariablePayloads implements ReaderInterceptor {

  /** The request fields that hold variables by name, in Camunda's REST API. */
  private static final Set<String> CONTAINERS =
      Set.of(
          "variables",
          "modifications",
          "processVariables",
          "processVariablesLocal",
          "processVariablesToTriggeredScope",
          "localVariables");

  private static final Map<String, BigDecimal[]> RANGES =
      Map.of(
          "Long", range(Long.MIN_VALUE, Long.MAX_VALUE),
          "Integer", range(Integer.MIN_VALUE, Integer.MAX_VALUE),
          "Short", range(Short.MIN_VALUE, Short.MAX_VALUE));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getMediaType() == null
        || !context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    JsonNode request;
    try {
      request = MAPPER.readTree(body);
    } catch (IOException malformed) {
      return context.proceed();
    }
    check(request);
    return context.proceed();
  }

  static void check(JsonNode request) {
    if (request == null || !request.isObject()) {
      return;
    }
    request
        .fields()
        .forEachRemaining(
            field -> {
              if (CONTAINERS.contains(field.getKey()) && field.getValue().isObject()) {
                field
                    .getValue()
                    .fields()
                    .forEachRemaining(
                        variable -> checkNumber(variable.getKey(), variable.getValue()));
              } else if (field.getValue().isObject()) {
                check(field.getValue());
              }
            });
  }

  private static void checkNumber(String name, JsonNode variable) {
    if (variable.isNull()) {
      // Camunda's conversion fails on it with a NullPointerException (500)
      throw new InvalidVariableException(
          name,
          "must be an object with a value and a type, not null",
          "必须是带有 value 和 type 的对象，不能为 null");
    }
    String type = variable.path("type").asText("");
    BigDecimal[] range = RANGES.get(type);
    JsonNode value = variable.path("value");
    if (range == null || !value.isNumber()) {
      return;
    }
    BigDecimal number = value.decimalValue();
    if (number.stripTrailingZeros().scale() > 0
        || number.compareTo(range[0]) < 0
        || number.compareTo(range[1]) > 0) {
      throw new InvalidVariableException(
          name,
          new Rule(
                  "must be a whole number from "
                      + range[0].toPlainString()
                      + " to "
                      + range[1].toPlainString()
                      + " for type "
                      + type,
                  "类型 "
                      + type
                      + " 必须是 "
                      + range[0].toPlainString()
                      + " 到 "
                      + range[1].toPlainString()
                      + " 之间的整数")
              .got(value.asText()));
    }
  }

  private static BigDecimal[] range(long min, long max) {
    return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
  }

  /**
   * Registers, in every REST application, the interceptor, the 400 for a refused variable or field
   * and for a body that is not the JSON expected ({@link JsonBodies}), the checks of job retries
   * and conditions ({@link RequestChecks}) and of an attachment's size ({@link AttachmentSize}),
   * the 403 for a task the caller may not see ({@link HiddenTasks}), and the 503 while the database
   * is unavailable ({@link DatabaseUnavailable}).
   */
  public static class Discovery implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(VariablePayloads.class)) {
        context.register(VariablePayloads.class);
      }
      if (!context.getConfiguration().isRegistered(HiddenTasks.class)) {
        context.register(HiddenTasks.class);
      }
      if (!context.getConfiguration().isRegistered(RestAnswers.InvalidVariables.class)) {
        context.register(RestAnswers.InvalidVariables.class);
      }
      if (!context.getConfiguration().isRegistered(RestAnswers.RestExceptions.class)) {
        context.register(RestAnswers.RestExceptions.class);
        context.register(RestAnswers.EngineExceptions.class);
      }
      if (!context.getConfiguration().isRegistered(JsonBodies.ParseErrors.class)) {
        context.register(JsonBodies.ParseErrors.class);
        context.register(JsonBodies.MappingErrors.class);
        context.register(JsonBodies.OtherErrors.class);
      }
      if (!context.getConfiguration().isRegistered(RequestChecks.class)) {
        context.register(RequestChecks.class);
      }
      if (!context.getConfiguration().isRegistered(TooLarge.Mapper.class)) {
        context.register(TooLarge.Mapper.class);
      }
      if (!context.getConfiguration().isRegistered(AttachmentSize.class)) {
        context.register(AttachmentSize.class);
      }
      if (!context.getConfiguration().isRegistered(DatabaseUnavailable.Mapper.class)) {
        context.register(DatabaseUnavailable.Mapper.class);
      }
    }
  }
}
