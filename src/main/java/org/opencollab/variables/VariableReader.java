package org.opencollab.variables;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads typed process variables and refuses, naming the variable, what breaks the type rules of
 * docs/process-variables.md. It reads from any lookup (an execution, a task's submitted variables)
 * so that forms, REST and the Java API are checked by the same code.
 */
public final class VariableReader {

  /** The longest text any field takes: what Camunda stores in a text variable's column. */
  public static final int MAX_TEXT = 4000;

  /**
   * The largest amount of CNY any field takes (the bound of {@code estimatedValue},
   * docs/process-variables.md).
   */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  /**
   * Json fields are small objects and arrays; these bound what a client can make the server parse.
   */
  public static final int MAX_JSON_DEPTH = 8;

  public static final int MAX_JSON_CHARACTERS = 65_536;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_JSON_DEPTH)
                      .maxStringLength(MAX_TEXT)
                      .maxNumberLength(40)
                      .build())
              .build());

  private final Function<String, Object> lookup;

  private VariableReader(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  public static VariableReader of(Function<String, Object> lookup) {
    return new VariableReader(lookup);
  }

  /** A text that is not blank, of at most {@link #MAX_TEXT} characters. */
  public String requiredString(String name) {
    Object value = required(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidVariableException(name, Rule.nonEmptyText());
    }
    return limited(name, text, MAX_TEXT);
  }

  /** A text of at most {@code maxLength} characters that is not blank. */
  public String requiredString(String name, int maxLength) {
    return limited(name, requiredString(name), maxLength);
  }

  private static String limited(String name, String text, int maxLength) {
    if (text.length() > maxLength) {
      throw new InvalidVariableException(name, Rule.atMostCharacters(maxLength).got(text.length()));
    }
    return text;
  }

  /**
   * A text that may be absent; when present it must be a text of at most {@link #MAX_TEXT}
   * characters.
   */
  public Optional<String> optionalString(String name) {
    Object value = lookup(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new InvalidVariableException(name, Rule.text().got(describe(value)));
    }
    return text.isBlank() ? Optional.empty() : Optional.of(limited(name, text, MAX_TEXT));
  }

  /** One of a fixed set of codes, such as {@code STRATEGIC}, {@code KEY} or {@code STANDARD}. */
  public String oneOf(String name, Collection<String> allowed) {
    Object value = required(name);
    if (!(value instanceof String code) || !allowed.contains(code)) {
      throw new InvalidVariableException(name, Rule.oneOf(allowed).got(value));
    }
    return code;
  }

  public boolean requiredBoolean(String name) {
    Object value = required(name);
    if (!(value instanceof Boolean flag)) {
      throw new InvalidVariableException(name, Rule.trueOrFalse().got(describe(value)));
    }
    return flag;
  }

  /**
   * A whole number within {@code [min, max]}; a double counts when it has no fraction (as forms
   * send numbers).
   */
  public int integer(String name, int min, int max) {
    BigDecimal number = decimal(name, required(name));
    if (number.stripTrailingZeros().scale() > 0) {
      throw new InvalidVariableException(name, Rule.wholeNumber().got(number));
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidVariableException(name, Rule.between(min, max).got(number));
    }
    return number.intValueExact();
  }

  /** A number within {@code [min, max]}, read exactly. */
  public BigDecimal number(String name, BigDecimal min, BigDecimal max) {
    BigDecimal number = decimal(name, required(name));
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      throw new InvalidVariableException(name, Rule.between(min, max).got(number));
    }
    return number;
  }

  public boolean isPresent(String name) {
    return lookup(name) != null;
  }

  /**
   * A CNY amount: a number from 0 to {@link #MAX_AMOUNT} with at most two decimal places; a double
   * counts by its shortest form.
   */
  public BigDecimal money(String name) {
    BigDecimal amount = decimal(name, required(name));
    return asMoney(name, amount);
  }

  /**
   * A Json variable: a Spin Json value, a Json text, or a map or list (the Java API's natural
   * form); at most {@link #MAX_JSON_CHARACTERS} characters, nested at most {@link #MAX_JSON_DEPTH}
   * deep.
   */
  public JsonNode json(String name) {
    Object value = required(name);
    try {
      if (value instanceof SpinJsonNode || value instanceof String) {
        return parseJson(name, value.toString());
      }
      return parseJson(name, MAPPER.writeValueAsString(value));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidVariableException(name, Rule.json().because(e.getMessage()));
    }
  }

  /** Parses Json text within the limits, refusing what breaks them with the field's name. */
  public static JsonNode parseJson(String name, String text) {
    if (text.length() > MAX_JSON_CHARACTERS) {
      throw new InvalidVariableException(
          name,
          new Rule(
                  "must be Json of at most " + MAX_JSON_CHARACTERS + " characters",
                  "必须是最多 " + MAX_JSON_CHARACTERS + " 个字符的 Json")
              .got(text.length()));
    }
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      String reason =
          e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw new InvalidVariableException(
          name,
          new Rule(
                  "must be Json, nested at most " + MAX_JSON_DEPTH + " deep",
                  "必须是嵌套不超过 " + MAX_JSON_DEPTH + " 层的 Json")
              .because(reason));
    }
  }

  public ObjectNode jsonObject(String name) {
    JsonNode node = json(name);
    if (!node.isObject()) {
      throw new InvalidVariableException(name, Rule.jsonObject());
    }
    return (ObjectNode) node;
  }

  /** A Json object whose values are all whole numbers: {@code {"SALES": 50, "TECH": 50}}. */
  public SortedMap<String, Integer> integerMap(String name) {
    return integers(name, "", jsonObject(name));
  }

  /** A Json object of Json objects of whole numbers: {@code {"alice": {"bob": 5}}}. */
  public SortedMap<String, SortedMap<String, Integer>> nestedIntegerMap(String name) {
    SortedMap<String, SortedMap<String, Integer>> result = new TreeMap<>();
    jsonObject(name)
        .fields()
        .forEachRemaining(
            entry -> {
              if (!entry.getValue().isObject()) {
                throw new InvalidVariableException(
                    name,
                    entry.getKey() + " must map to a Json object",
                    entry.getKey() + " 必须对应一个 Json 对象");
              }
              result.put(entry.getKey(), integers(name, entry.getKey() + ".", entry.getValue()));
            });
    return result;
  }

  private static BigDecimal asMoney(String name, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new InvalidVariableException(name, Rule.zeroOrMore().got(amount));
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      int digits = amount.precision() - amount.scale();
      throw new InvalidVariableException(
          name,
          digits > 20
              ? Rule.atMost(MAX_AMOUNT)
                  .plus(", got a number of " + digits + " digits", "，实际为 " + digits + " 位数")
              : Rule.atMost(MAX_AMOUNT).got(amount));
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidVariableException(name, Rule.cents().got(amount));
    }
    return amount.setScale(2);
  }

  /** A Json number as an exact decimal, refusing text and non-finite values. */
  public static BigDecimal decimal(String name, JsonNode node) {
    if (!node.isNumber()) {
      throw new InvalidVariableException(name, Rule.number().got(node));
    }
    return node.isFloatingPointNumber() && !node.isBigDecimal()
        ? decimal(name, (Object) node.doubleValue())
        : node.decimalValue();
  }

  private static SortedMap<String, Integer> integers(String name, String prefix, JsonNode object) {
    SortedMap<String, Integer> result = new TreeMap<>();
    object
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode value = entry.getValue();
              if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new InvalidVariableException(
                    name, Rule.wholeNumber().about(prefix + entry.getKey()).got(value));
              }
              result.put(entry.getKey(), value.intValue());
            });
    return result;
  }

  private static BigDecimal decimal(String name, Object value) {
    if (value instanceof BigDecimal exact) {
      return exact;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger whole) {
      return new BigDecimal(whole);
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) {
        throw new InvalidVariableException(name, Rule.finiteNumber().got(value));
      }
      return BigDecimal.valueOf(number);
    }
    throw new InvalidVariableException(name, Rule.number().got(describe(value)));
  }

  /**
   * The variable's value; one that cannot even be read (malformed Json, say) is refused with its
   * name.
   */
  private Object lookup(String name) {
    try {
      return lookup.apply(name);
    } catch (InvalidVariableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidVariableException(
          name, new Rule("cannot be read", "无法读取").because(e.getMessage()));
    }
  }

  private Object required(String name) {
    Object value = lookup(name);
    if (value == null) {
      throw new InvalidVariableException(name, Rule.required());
    }
    return value;
  }

  private static String describe(Object value) {
    return value.getClass().getSimpleName() + " " + value;
  }
}
