package org.opencollab.migration;

import java.util.Map;
import org.opencollab.models.ChineseNames;

/**
 * The names of one model's steps in English and Chinese, by id, so that a plan and a refusal name
 * the step a person sees in Tasklist and Modeler, never its id alone. A step without a Chinese name
 * is called by its English name in Chinese; a step without a name by its id in both languages.
 */
record ActivityNames(Map<String, String> english, Map<String, String> chinese) {

  /** What Camunda appends to the id of a multi-instance step's body. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  ActivityNames {
    english = Map.copyOf(english);
    chinese = Map.copyOf(chinese);
  }

  /** The names a deployed model gives its steps ({@link ChineseNames}, read once per version). */
  static ActivityNames of(ChineseNames.Names names) {
    return new ActivityNames(names.english(), names.chinese());
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
