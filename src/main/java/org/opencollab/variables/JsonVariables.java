package org.opencollab.variables;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Writes value objects (statements, rulings) as Camunda Json variables and reads them back. Exact
 * decimals are written as strings ({@code "14000.00"}), as docs/money.md states, so that no client
 * reads money through a binary floating-point number.
 */
public final class JsonVariables {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(
              new SimpleModule("exact-decimals")
                  .addSerializer(BigDecimal.class, new PlainDecimal()))
          // Json read back to be extended keeps its decimals exactly as written (30000.00, not
          // 30000.0).
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private JsonVariables() {}

  public static TypedValue value(Object object) {
    return SpinValues.jsonValue(write(object)).create();
  }

  public static String write(Object object) {
    try {
      return MAPPER.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + object.getClass().getSimpleName() + " as Json", e);
    }
  }

  /**
   * A Json object variable's current value to extend, or a new object when the variable is not set
   * yet.
   */
  public static ObjectNode object(Object variable) {
    if (variable == null) {
      return MAPPER.createObjectNode();
    }
    try {
      return (ObjectNode) MAPPER.readTree(variable.toString());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("not a Json object: " + variable, e);
    }
  }

  /** A Json array variable's current value to extend, or a new array when it is not set yet. */
  public static ArrayNode array(Object variable) {
    if (variable == null) {
      return MAPPER.createArrayNode();
    }
    try {
      return (ArrayNode) MAPPER.readTree(variable.toString());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("not a Json array: " + variable, e);
    }
  }

  /**
   * Adds to a Json object variable of {@code scope} (a process instance gathering the answers of
   * its parallel tasks): reads it, or starts an empty object, lets {@code change} extend it, writes
   * it back.
   *
   * @return the object as written
   */
  public static ObjectNode update(
      VariableScope scope, String variable, Consumer<ObjectNode> change) {
    ObjectNode object = object(scope.getVariable(variable));
    change.accept(object);
    scope.setVariable(variable, value(object));
    return object;
  }

  /** Reads a Json variable's value (Spin node or text) back into {@code type}. */
  public static <T> T read(Object variable, Class<T> type) {
    try {
      return MAPPER.readValue(variable.toString(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static final class PlainDecimal extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(value.toPlainString());
    }
  }
}
