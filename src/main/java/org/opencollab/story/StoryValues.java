package org.opencollab.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.opencollab.opportunity.OpportunityRecords;

/** How the story writes what it reads: values as Json, times as ISO instants, texts or null. */
final class StoryValues {

  static final ObjectMapper JSON = new ObjectMapper();

  private StoryValues() {}

  /** The value of a variable of the instance's own scope, or null. */
  static Object variable(HistoryService history, HistoricProcessInstance instance, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .list()
        .stream()
        .filter(OpportunityRecords::ofTheInstanceItself)
        .map(HistoricVariableInstance::getValue)
        .findFirst()
        .orElse(null);
  }

  /** A value as Json: Json variables as their tree, everything else as its plain value. */
  static JsonNode json(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof SpinJsonNode spin) {
      try {
        return JSON.readTree(spin.toString());
      } catch (Exception e) {
        return JSON.getNodeFactory().textNode(spin.toString());
      }
    }
    return JSON.valueToTree(value);
  }

  static String label(String name, String fallback) {
    return name == null || name.isBlank() ? fallback : name;
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static String time(Date date) {
    return date == null ? null : date.toInstant().toString();
  }
}
