package org.opencollab.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencollab.language.Language;

/**
 * Every refusal rule has its Chinese: the common phrases, each refusal of {@link VariableReader},
 * and every rule written where it is used.
 */
class RuleTest {

  @Test
  void aRuleNeedsBothLanguages() {
    assertThatThrownBy(() -> new Rule("is required", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rule("is required", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rule(" ", "必填")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMessageIsEnglishAndTheAnswerInTheRequestsLanguage() {
    InvalidVariableException refusal =
        new InvalidVariableException("estimatedValue", Rule.zeroOrMore().got(new BigDecimal("-5")));
    assertThat(refusal.getMessage()).isEqualTo("estimatedValue: must be 0 or more, got -5");
    assertThat(refusal.message(Language.ENGLISH)).isEqualTo(refusal.getMessage());
    assertThat(refusal.message(Language.CHINESE)).isEqualTo("estimatedValue: 不得小于 0，实际为 -5");
  }

  @Test
  void everyCommonPhraseHasItsChinese() throws Exception {
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(int.class, 7);
    samples.put(Object.class, BigDecimal.TEN);
    samples.put(String.class, "alice");
    samples.put(java.util.Collection.class, List.of("A", "B"));
    List<Method> phrases =
        Arrays.stream(Rule.class.getDeclaredMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
            .filter(m -> m.getReturnType() == Rule.class)
            .toList();
    assertThat(phrases).hasSizeGreaterThan(10);
    for (Method phrase : phrases) {
      Object[] arguments = Arrays.stream(phrase.getParameterTypes()).map(samples::get).toArray();
      Rule rule = (Rule) phrase.invoke(null, arguments);
      assertChinese(phrase.getName(), rule);
      assertChinese(phrase.getName() + ".got", rule.got("x"));
    }
  }

  @Test
  void everyRefusalOfTheReaderHasItsChinese() {
    Map<String, Object> values = new HashMap<>();
    values.put("blank", " ");
    values.put("long", "x".repeat(VariableReader.MAX_TEXT + 1));
    values.put("number", 5);
    values.put("fraction", 1.5);
    values.put("negative", new BigDecimal("-5"));
    values.put("huge", new BigDecimal("1e30"));
    values.put("cents", new BigDecimal("1.234"));
    values.put("text", "x");
    values.put("infinite", Double.POSITIVE_INFINITY);
    values.put("array", "[1]");
    values.put("badJson", "{bad");
    values.put("deep", "[[[[[[[[[[1]]]]]]]]]]");
    values.put("textMap", "{\"a\": \"x\"}");
    values.put("flatNested", "{\"a\": 1}");
    VariableReader reader =
        VariableReader.of(
            name -> {
              if (name.equals("broken")) {
                throw new IllegalStateException("cannot deserialize");
              }
              return values.get(name);
            });
    List<Consumer<VariableReader>> refusals = new ArrayList<>();
    refusals.add(r -> r.requiredString("missing"));
    refusals.add(r -> r.requiredString("blank"));
    refusals.add(r -> r.requiredString("number"));
    refusals.add(r -> r.requiredString("long"));
    refusals.add(r -> r.requiredString("text", 0));
    refusals.add(r -> r.optionalString("number"));
    refusals.add(r -> r.oneOf("text", List.of("A", "B")));
    refusals.add(r -> r.requiredBoolean("text"));
    refusals.add(r -> r.integer("fraction", 0, 10));
    refusals.add(r -> r.integer("number", 0, 3));
    refusals.add(r -> r.number("number", BigDecimal.ZERO, BigDecimal.ONE));
    refusals.add(r -> r.number("text", BigDecimal.ZERO, BigDecimal.ONE));
    refusals.add(r -> r.number("infinite", BigDecimal.ZERO, BigDecimal.ONE));
    refusals.add(r -> r.money("negative"));
    refusals.add(r -> r.money("huge"));
    refusals.add(r -> r.money("cents"));
    refusals.add(r -> r.json("badJson"));
    refusals.add(r -> r.json("deep"));
    refusals.add(r -> r.jsonObject("array"));
    refusals.add(r -> r.integerMap("textMap"));
    refusals.add(r -> r.nestedIntegerMap("flatNested"));
    refusals.add(r -> r.requiredString("broken"));
    refusals.add(
        r -> VariableReader.parseJson("big", "1".repeat(VariableReader.MAX_JSON_CHARACTERS + 1)));
    for (Consumer<VariableReader> refusal : refusals) {
      InvalidVariableException refused =
          catchThrowableOfType(InvalidVariableException.class, () -> refusal.accept(reader));
      assertThat(refused).as("a refusal").isNotNull();
      assertThat(refused.message(Language.CHINESE)).startsWith(refused.variable() + ": ");
      assertChinese(refused.getMessage(), refused.rule());
    }
  }

  /**
   * Every rule written where it is refused gives its Chinese beside its English: a refusal built of
   * English words has Chinese among them (the compiler sees to it that each has two texts or a
   * Rule). Names of fields and departments are the same in both languages.
   */
  @Test
  void everyRuleWrittenInPlaceHasItsChinese() throws IOException {
    List<String> without = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(source);
        for (String opening :
            List.of("new InvalidVariableException(", "new InvalidFieldException(", "new Rule(")) {
          for (int at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + 1)) {
            String arguments = arguments(text, at + opening.length());
            seen++;
            if (LITERALS.matcher(arguments).results().anyMatch(RuleTest::english)
                && arguments.codePoints().noneMatch(RuleTest::han)) {
              without.add(source.getFileName() + ": " + arguments.replaceAll("\\s+", " "));
            }
          }
        }
      }
    }
    assertThat(seen).as("refusals found").isGreaterThan(80);
    assertThat(without).as("rules without Chinese").isEmpty();
  }

  private static final Pattern LITERALS = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** A text literal with an English word in it, not just a name or punctuation. */
  private static boolean english(MatchResult literal) {
    return Pattern.compile("[A-Za-z]{2,} |\\s[A-Za-z]{2,}").matcher(literal.group(1)).find();
  }

  /** The text between an opening parenthesis (just before {@code from}) and its closing one. */
  private static String arguments(String text, int from) {
    int depth = 1;
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return text.substring(from, i);
      }
    }
    return text.substring(from);
  }

  private static void assertChinese(String what, Rule rule) {
    assertThat(rule.chinese().codePoints().anyMatch(RuleTest::han))
        .as(what + " in Chinese: " + rule.chinese())
        .isTrue();
    assertThat(rule.english().codePoints().anyMatch(RuleTest::han))
        .as(what + " in English: " + rule.english())
        .isFalse();
  }

  private static boolean han(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
