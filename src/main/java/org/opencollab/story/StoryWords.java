package org.opencollab.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the story as a person reads it, in English then Chinese: what the story page shows in
 * one language, the CSV's {@code labelledDetail} shows in both. The codes' words are the page's own
 * table ({@code WORDS} in {@code static/story-page/common.js}), read from the page rather than
 * copied, so the CSV and the page cannot come to say a code differently.
 */
final class StoryWords {

  static final String PAGE_SCRIPT = "static/story-page/common.js";

  private static final Pattern TABLE =
      Pattern.compile("const WORDS = \\{(.*?)\\n};", Pattern.DOTALL);
  private static final Pattern WORD = Pattern.compile("(\\w+): \\['([^']*)', '([^']*)'\\]");
  private static final Pattern DAYS = Pattern.compile("P(\\d+)D");
  private static final Pattern HOURS = Pattern.compile("PT(\\d+)H");

  private static final Map<String, String> WORDS = load();

  private StoryWords() {}

  /** Each code of the page's table, as {@code "gave it to someone else / 已改派他人"}. */
  static Map<String, String> all() {
    return WORDS;
  }

  /**
   * "Label: value; …": each field of {@code values} named by its label (else by its name), each
   * value read by {@link #reads}.
   */
  static String labelled(JsonNode values, JsonNode labels) {
    List<String> parts = new ArrayList<>();
    values
        .fields()
        .forEachRemaining(
            field ->
                parts.add(
                    labels.path(field.getKey()).asText(field.getKey())
                        + ": "
                        + reads(field.getValue(), labels)));
    return String.join("; ", parts);
  }

  /**
   * A value as the page reads it (common.js, {@code reads}): a code by its words, yes or no, a
   * duration in days or hours, a person with their department as "alice (Sales / 销售部)", a list item
   * by item, a record field by field, each field by its label.
   */
  static String reads(JsonNode value, JsonNode labels) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(reads(item, labels)));
      return String.join(", ", items);
    }
    if (value.isObject()) {
      if (value.path("userId").isTextual()) {
        String department = value.path("department").asText("");
        return value.path("userId").asText()
            + (department.isEmpty() ? "" : " (" + word(department) + ")");
      }
      List<String> fields = new ArrayList<>();
      value
          .fields()
          .forEachRemaining(
              field ->
                  fields.add(
                      word(labels.path(field.getKey()).asText(field.getKey()))
                          + " "
                          + reads(field.getValue(), labels)));
      return String.join(", ", fields);
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "yes / 是" : "no / 否";
    }
    if (value.isTextual()) {
      Matcher days = DAYS.matcher(value.asText());
      if (days.matches()) {
        return days.group(1)
            + (days.group(1).equals("1") ? " day" : " days")
            + " / "
            + days.group(1)
            + " 天";
      }
      Matcher hours = HOURS.matcher(value.asText());
      if (hours.matches()) {
        return hours.group(1)
            + (hours.group(1).equals("1") ? " hour" : " hours")
            + " / "
            + hours.group(1)
            + " 小时";
      }
    }
    return value.isNull() ? "" : word(value.asText());
  }

  /** A code in words, in both languages; anything else as it is. */
  static String word(String code) {
    return WORDS.getOrDefault(code, code);
  }

  private static Map<String, String> load() {
    String script;
    try (InputStream in = StoryWords.class.getClassLoader().getResourceAsStream(PAGE_SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("The story page's script is missing: " + PAGE_SCRIPT);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher table = TABLE.matcher(script);
    if (!table.find()) {
      throw new IllegalStateException("No table of words (const WORDS) in " + PAGE_SCRIPT);
    }
    Map<String, String> words = new LinkedHashMap<>();
    Matcher word = WORD.matcher(table.group(1));
    while (word.find()) {
      words.put(word.group(1), word.group(2) + " / " + word.group(3));
    }
    return Map.copyOf(words);
  }
}
