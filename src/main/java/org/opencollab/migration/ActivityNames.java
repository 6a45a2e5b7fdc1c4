package org.opencollab.migration;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.opencollab.models.ChineseNames;

/**
 * The names of one model's steps in English and Chinese, by id, so that a plan and a refusal name
 * the step a person sees in Tasklist and Modeler, never its id alone. A step without a name is
 * called by its id in both languages.
 */
record ActivityNames(Map<String, String> english, Map<String, String> chinese) {

  /** What Camunda appends to the id of a multi-instance step's body. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  ActivityNames {
    english = Map.copyOf(english);
    chinese = Map.copyOf(chinese);
  }

  static ActivityNames read(BpmnModelInstance model) {
    Map<String, String> english = new HashMap<>();
    Map<String, String> chinese = new HashMap<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element.getId() == null || element.getName() == null || element.getName().isBlank()) {
        continue;
      }
      String name = element.getName().trim();
      english.put(element.getId(), name);
      String zh = ChineseNames.of(element);
      chinese.put(element.getId(), zh != null ? zh : name);
    }
    return new ActivityNames(english, chinese);
  }

  String english(String activityId) {
    String id = step(activityId);
    return english.getOrDefault(id, id);
  }

  String chinese(String activityId) {
    String id = step(activityId);
    return chinese.getOrDefault(id, english.getOrDefault(id, id));
  }

  /** The step a multi-instance body stands for: "EvaluatePeers#multiInstanceBody" is the step. */
  static String step(String activityId) {
    if (activityId == null) {
      return "";
    }
    return activityId.endsWith(MULTI_INSTANCE_BODY)
        ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length())
        : activityId;
  }
}
