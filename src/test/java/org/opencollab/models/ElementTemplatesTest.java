package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every Java delegate a model calls has an element template in {@code .camunda/element-templates/},
 * where Camunda Modeler finds a project's templates, and every template names a bean that exists.
 */
@ApplicationTest
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ApplicationContext context;

  @Test
  void everyDelegateOfTheModelsHasATemplateForItsElementType() throws IOException {
    Map<String, JsonNode> templates = templatesByDelegate();
    for (Path model :
        List.of(
            Path.of("processes", "opportunityToDelivery.bpmn"),
            Path.of("processes", "collaborationArbitration.bpmn"))) {
      for (FlowNode node :
          Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(FlowNode.class)) {
        String delegate = delegateOf(node);
        if (delegate == null) {
          continue;
        }
        assertThat(templates)
            .as("template for %s of %s", delegate, node.getId())
            .containsKey(delegate);
        String type = node.getElementType().getTypeName();
        String bpmnType = "bpmn:" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
        assertThat(templates.get(delegate).path("appliesTo").toString())
            .as("template of %s applies to %s", delegate, bpmnType)
            .contains("\"" + bpmnType + "\"");
      }
    }
  }

  @Test
  void everyTemplateNamesAnExistingBeanAndSetsAsync() throws IOException {
    Map<String, JsonNode> templates = templatesByDelegate();
    assertThat(templates).isNotEmpty();
    templates.forEach(
        (delegate, template) -> {
          String bean = delegate.substring(2, delegate.length() - 1);
          assertThat(context.containsBean(bean))
              .as("bean %s of template %s", bean, template.path("id"))
              .isTrue();
          // The ledger's steps commit with the step before them (ProcessModelConventionsTest).
          boolean commitsWithTheStepBefore =
              List.of("recordIncentivesInLedger", "recordLossInLedger").contains(bean);
          assertThat(binding(template, "camunda:asyncBefore"))
              .as("async in %s", template.path("id"))
              .isEqualTo(commitsWithTheStepBefore ? "false" : "true");
        });
  }

  /** The delegate expression of an activity itself, not of its listeners. */
  private static String delegateOf(ModelElementInstance node) {
    return node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
  }

  private static Map<String, JsonNode> templatesByDelegate() throws IOException {
    Map<String, JsonNode> templates = new HashMap<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
        for (JsonNode template : JSON.readTree(file.toFile())) {
          assertThat(template.path("properties").findValues("name").stream().map(JsonNode::asText))
              .as("%s hides its delegate", file)
              .contains("camunda:delegateExpression");
          templates.put(binding(template, "camunda:delegateExpression"), template);
        }
      }
    }
    return templates;
  }

  private static String binding(JsonNode template, String property) {
    for (JsonNode entry : template.path("properties")) {
      if (property.equals(entry.path("binding").path("name").asText())) {
        return entry.path("value").asText();
      }
    }
    return null;
  }
}
