package org.opencollab.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The label a person sees for each input field, read from the forms the application ships in its
 * {@code processes} folder and its sub-folders: a Camunda Form's input components, and an embedded
 * form's {@code <label for="field">}. A refusal names the field by its label, so Tasklist shows it
 * in the words of the form; the variable's name follows for clients and logs. A field has the same
 * label in every form that has it as an input ({@code FormFieldsTest}).
 */
public final class FieldLabels {

  private static final Pattern HTML_LABEL =
      Pattern.compile("<label for=\"(\\w+)\">([^<]+)</label>");

  /**
   * A check box inside its label: {@code <label><input cam-variable-name="x" ...> Text</label>}.
   */
  private static final Pattern HTML_CHECKBOX_LABEL =
      Pattern.compile("<label><input [^>]*cam-variable-name=\"(\\w+)\"[^>]*>\\s*([^<]+)</label>");

  /**
   * A field an embedded form's script sets from several inputs, labelled by the legend of their
   * fieldset: {@code <legend data-field="departmentShares">Department shares / 各部门分成比例</legend>}.
   */
  private static final Pattern HTML_LEGEND =
      Pattern.compile("<legend data-field=\"(\\w+)\">([^<]+)</legend>");

  /**
   * Variables a step derives from what a person entered (docs/process-variables.md), named as the
   * person would name them.
   */
  private static final Map<String, String> DERIVED =
      Map.of(
          "teamMemberIds", "Team members / 团队成员",
          "involvedDepartments", "Involved departments / 参与部门");

  private static final Map<String, String> LABELS = load();

  private FieldLabels() {}

  static Optional<String> of(String field) {
    return Optional.ofNullable(field).map(LABELS::get);
  }

  /** Every field's label, by variable name: {@code "Estimated value / 预估金额"}. */
  public static Map<String, String> all() {
    return LABELS;
  }

  private static Map<String, String> load() {
    Map<String, String> labels = new TreeMap<>();
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      List<Resource> forms = new ArrayList<>();
      forms.addAll(List.of(resolver.getResources("classpath*:processes/**/*.form")));
      forms.addAll(List.of(resolver.getResources("classpath*:processes/**/*.html")));
      for (Resource form : forms) {
        String name = form.getFilename();
        String text;
        try (InputStream in = form.getInputStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (name != null && name.endsWith(".form")) {
          collect(new ObjectMapper().readTree(text), labels);
        } else if (name != null && name.endsWith(".html")) {
          for (Pattern pattern : List.of(HTML_LABEL, HTML_CHECKBOX_LABEL, HTML_LEGEND)) {
            Matcher label = pattern.matcher(text);
            while (label.find()) {
              labels.putIfAbsent(label.group(1), label.group(2).trim().replaceAll("\\s+", " "));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // A refusal must never fail for want of a label: it then names the field by its name alone.
      LoggerFactory.getLogger(FieldLabels.class)
          .warn("Cannot read the forms' labels; refusals name fields by variable name only", e);
      return Map.of();
    }
    DERIVED.forEach(labels::putIfAbsent);
    return Map.copyOf(labels);
  }

  private static void collect(JsonNode container, Map<String, String> labels) {
    for (JsonNode component : container.path("components")) {
      boolean input =
          component.hasNonNull("key")
              && component.hasNonNull("label")
              && !component.path("disabled").asBoolean(false)
              && !component.path("readonly").asBoolean(false);
      if (input) {
        labels.putIfAbsent(component.get("key").asText(), component.get("label").asText());
      }
      collect(component, labels);
    }
  }
}
