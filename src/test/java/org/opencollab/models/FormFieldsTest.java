package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencollab.arbitration.ArbitrationRules;
import org.opencollab.health.HealthCheckRules;
import org.opencollab.opportunity.OpportunityRules;
import org.opencollab.rules.ProcessRules;
import org.opencollab.rules.ProcessRules.Step;

/**
 * The fields each step declares beside its rule are exactly those of its form: the form's inputs
 * are what a person may write, its read-only fields what it only shows. A process owner who changes
 * a form without the declaration, or the other way round, fails here.
 */
class FormFieldsTest {

  private static final Path FORMS = Path.of("processes", "forms");
  private static final Map<String, ProcessRules> RULES =
      Map.of(
          "opportunityToDelivery",
          new OpportunityRules(),
          "collaborationArbitration",
          new ArbitrationRules(),
          "collaborationHealthCheck",
          new HealthCheckRules());

  /**
   * What an embedded form writes: its cam-variable-name inputs and the variables its script
   * creates.
   */
  private static final Pattern HTML_FIELD =
      Pattern.compile(
          "cam-variable-name=\"(\\w+)\"|createVariable\\(\\{name: '(\\w+)'|set\\('(\\w+)'");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {"opportunityToDelivery", "collaborationArbitration", "collaborationHealthCheck"})
  void everyStepDeclaresExactlyTheFieldsOfItsForm(String key) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
    ProcessRules rules = RULES.get(key);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Step declared = rules.taskRules().get(task.getId()).step();
      assertThat(declared)
          .as("fields of %s", task.getId())
          .isEqualTo(formStep(task.getCamundaFormKey(), task.getCamundaFormRef()));
    }
    StartEvent start =
        model.getModelElementsByType(StartEvent.class).stream()
            .filter(event -> event.getCamundaFormRef() != null || event.getCamundaFormKey() != null)
            .findFirst()
            .orElseThrow();
    assertThat(rules.startStep())
        .as("fields of the start of %s", key)
        .isEqualTo(formStep(start.getCamundaFormKey(), start.getCamundaFormRef()));
  }

  /**
   * Every task form of an opportunity or a dispute opens with the opportunity's key facts,
   * read-only: its id, customer, title and priority, and a link to its story.
   */
  @ParameterizedTest
  @ValueSource(strings = {"opportunityToDelivery", "collaborationArbitration"})
  void everyTaskFormShowsTheKeyFactsAtTheTop(String key) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null) {
        JsonNode first = camundaFormSchema(task.getCamundaFormRef()).path("components").get(0);
        assertThat(first.path("label").asText())
            .as("first component of %s", task.getId())
            .isEqualTo("Key facts / 商机要点");
        Set<String> inputs = new TreeSet<>();
        Set<String> shown = new TreeSet<>();
        collect(first, inputs, shown);
        assertThat(inputs).as("inputs among the key facts of %s", task.getId()).isEmpty();
        assertThat(shown)
            .as("key facts of %s", task.getId())
            .containsExactlyInAnyOrderElementsOf(KEY_FACTS);
        assertThat(first.toString()).contains("/opportunities/{{opportunityId}}");
      } else {
        String html =
            read(FORMS.resolve(task.getCamundaFormKey().replace(EMBEDDED_PREFIX, ""))).asText();
        assertThat(html.indexOf("<legend>Key facts / 商机要点</legend>"))
            .as("key facts of %s", task.getId())
            .isBetween(0, html.indexOf("<div"));
        assertThat(html).contains("/opportunities/{{opportunity.opportunityId}}");
        for (String fact : KEY_FACTS) {
          assertThat(html).contains("{{opportunity." + fact + "}}", "'" + fact + "'");
        }
      }
    }
  }

  /**
   * An input has one label in every form that has it: a refusal names the field by that label
   * ({@code org.opencollab.rest.FieldLabels}).
   */
  @org.junit.jupiter.api.Test
  void anInputHasTheSameLabelInEveryForm() throws IOException {
    Map<String, Set<String>> labels = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.toList()) {
        if (file.toString().endsWith(".form")) {
          inputLabels(read(file), labels);
        } else {
          Matcher label =
              Pattern.compile("<label for=\"(\\w+)\">([^<]+)</label>").matcher(read(file).asText());
          while (label.find()) {
            labels
                .computeIfAbsent(label.group(1), key -> new TreeSet<>())
                .add(label.group(2).trim());
          }
        }
      }
    }
    assertThat(labels).isNotEmpty();
    labels.forEach((field, names) -> assertThat(names).as("labels of %s", field).hasSize(1));
  }

  private static void inputLabels(JsonNode container, Map<String, Set<String>> labels) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")
          && component.hasNonNull("label")
          && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        labels
            .computeIfAbsent(component.get("key").asText(), key -> new TreeSet<>())
            .add(component.get("label").asText());
      }
      inputLabels(component, labels);
    }
  }

  private static final Set<String> KEY_FACTS =
      Set.of("opportunityId", "customerName", "title", "priority");
  private static final String EMBEDDED_PREFIX = "embedded:deployment:processes/forms/";

  /**
   * Every text input shows the server's limit: 200 characters for names and titles, 36 for an
   * opportunity id, 4000 for any other text; every amount shows the server's maximum.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"opportunityToDelivery", "collaborationArbitration", "collaborationHealthCheck"})
  void everyInputShowsTheServersLimit(String key) throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.toList()) {
        if (file.toString().endsWith(".form")) {
          checkLimits(file.getFileName().toString(), read(file));
        } else {
          String html = read(file).asText();
          // Tasklist sends back every variable an embedded form fetched; the server refuses them.
          assertThat(
                  !html.contains("fetchVariable(")
                      || html.contains("delete camForm.variableManager.variables[name]"))
              .as("%s drops what it fetched for display before it submits", file)
              .isTrue();
          assertThat(html.split("<textarea", -1).length - 1)
              .as("textareas with maxlength in %s", file)
              .isEqualTo(html.split("<textarea[^>]*maxlength=\"4000\"", -1).length - 1);
        }
      }
    }
  }

  private static void checkLimits(String file, JsonNode container) {
    for (JsonNode component : container.path("components")) {
      String field = component.path("key").asText();
      boolean input =
          component.hasNonNull("key")
              && !component.path("readonly").asBoolean(false)
              && !component.path("disabled").asBoolean(false);
      String type = component.path("type").asText();
      if (input && (type.equals("textfield") || type.equals("textarea"))) {
        int expected =
            Set.of("customerName", "title").contains(field)
                ? 200
                : field.equals("opportunityId") ? 36 : 4000;
        assertThat(component.path("validate").path("maxLength").asInt())
            .as("maxLength of %s in %s", field, file)
            .isEqualTo(expected);
      }
      if (input && MONEY.contains(field)) {
        assertThat(component.path("validate").path("max").asLong())
            .as("max of %s in %s", field, file)
            .isEqualTo(1_000_000_000_000L);
      }
      checkLimits(file, component);
    }
  }

  private static final Set<String> MONEY =
      Set.of(
          "estimatedValue",
          "offerValue",
          "contractValue",
          "realizedRevenue",
          "inputCost",
          "lossAmount",
          "amountAtStake");

  static Step formStep(String formKey, String formRef) {
    if (formRef != null) {
      return camundaForm(formRef);
    }
    String html = read(FORMS.resolve(Path.of(formKey.replace(EMBEDDED_PREFIX, "")))).asText();
    Set<String> fields = new TreeSet<>();
    Matcher matcher = HTML_FIELD.matcher(html);
    while (matcher.find()) {
      for (int group = 1; group <= matcher.groupCount(); group++) {
        if (matcher.group(group) != null) {
          fields.add(matcher.group(group));
        }
      }
    }
    return new Step(fields, Set.of());
  }

  private static Step camundaForm(String formId) {
    Set<String> inputs = new TreeSet<>();
    Set<String> shown = new TreeSet<>();
    collect(camundaFormSchema(formId), inputs, shown);
    return new Step(inputs, shown);
  }

  private static JsonNode camundaFormSchema(String formId) {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files
          .filter(file -> file.toString().endsWith(".form"))
          .map(FormFieldsTest::read)
          .filter(schema -> formId.equals(schema.path("id").asText()))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode container, Set<String> inputs, Set<String> shown) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")) {
        boolean readOnly =
            component.path("readonly").asBoolean(false)
                || component.path("disabled").asBoolean(false);
        (readOnly ? shown : inputs).add(component.get("key").asText());
      }
      collect(component, inputs, shown);
    }
  }

  private static JsonNode read(Path file) {
    try {
      String text = Files.readString(file);
      return file.toString().endsWith(".form")
          ? JSON.readTree(text)
          : JSON.getNodeFactory().textNode(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
