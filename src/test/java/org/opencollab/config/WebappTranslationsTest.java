package org.opencollab.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every string of Camunda's webapps has its Chinese: each key of the {@code en.json} that the
 * webapps ship (read from Camunda's webjar on the class path) is in the product's {@code zh.json}
 * of Tasklist, Cockpit, Admin and Welcome, with the same placeholders ({@code {{name}}}) and the
 * same HTML, so a Camunda upgrade that adds strings fails here until they are translated. The same
 * holds for any other language that {@code /collab/language.js} offers.
 */
class WebappTranslationsTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}|%[sd]");
  private static final Pattern HTML =
      Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern OFFERED = Pattern.compile("\\['([a-z]{2,3})', '[^']+'\\]");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyStringOfTheWebappHasItsTranslation(String app) throws IOException {
    JsonNode english = read(app, "en");
    for (String language : offered()) {
      if (!language.equals("en")) {
        assertTranslated(app, language, english, read(app, language));
      }
    }
  }

  @Test
  void englishAndChineseAreOffered() throws IOException {
    assertThat(offered()).contains("en", "zh");
  }

  private static void assertTranslated(
      String app, String language, JsonNode english, JsonNode translation) {
    Map<String, String> missing = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    english
        .get("labels")
        .properties()
        .forEach(
            label -> {
              String key = label.getKey();
              String source = label.getValue().asText();
              JsonNode translated = translation.get("labels").get(key);
              if (translated == null
                  || (translated.asText().isBlank() && !source.isBlank() && !isPlural(source))) {
                missing.put(key, source);
                return;
              }
              String target = translated.asText();
              if (!all(PLACEHOLDER, source).equals(all(PLACEHOLDER, target))) {
                wrong.add(key + ": placeholders " + all(PLACEHOLDER, source) + " in " + target);
              }
              if (!all(HTML, source).equals(all(HTML, target))) {
                wrong.add(key + ": HTML " + all(HTML, source) + " in " + target);
              }
            });
    List<String> stale = new ArrayList<>();
    translation
        .get("labels")
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!english.get("labels").has(key)) {
                stale.add(key);
              }
            });

    assertThat(missing)
        .as("keys of %s's en.json without a translation in its %s.json", app, language)
        .isEmpty();
    assertThat(wrong)
        .as("%s.json of %s: translations that break placeholders or HTML", language, app)
        .isEmpty();
    assertThat(stale)
        .as("keys of %s's %s.json that Camunda no longer has", app, language)
        .isEmpty();
    if (english.has("dateLocales")) {
      assertThat(names(translation.get("dateLocales")))
          .as("%s's date formats in %s", app, language)
          .containsAll(names(english.get("dateLocales")));
    }
  }

  /** Camunda's plural ending, appended to a word: Chinese has none, so it may be empty. */
  private static boolean isPlural(String source) {
    return source.equals("s");
  }

  /** The languages the user menu offers: the codes of LANGUAGES in /collab/language.js. */
  private static List<String> offered() throws IOException {
    try (InputStream in = resource("static/collab/language.js").openStream()) {
      return all(OFFERED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonNode read(String app, String language) throws IOException {
    try (InputStream in = resource(APPS + app + "/locales/" + language + ".json").openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's files start with a byte order mark.
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static URL resource(String path) throws IOException {
    List<URL> found =
        Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(path));
    assertThat(found).as("%s on the class path, once", path).hasSize(1);
    return found.get(0);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(matcher.groupCount() > 0 && matcher.group(1) != null ? 1 : 0));
    }
    Collections.sort(found);
    return found;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
