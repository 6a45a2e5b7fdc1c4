package org.opencollab.migration;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/**
 * A running instance as a process owner recognises it: its opportunity id (the business key), when
 * it started (what names an instance without an opportunity, such as a health check; null when
 * history does not keep it) and the steps it stands at now, by name in both languages.
 */
public record RunningInstance(
    String processInstanceId, String opportunityId, Date started, List<Step> activities) {

  /** A step an instance stands at, or waits for the job executor before or after. */
  public record Step(String activityId, String english, String chinese) {}

  /**
   * When each running instance of a version started, by instance id: one query for the version, not
   * one per instance.
   */
  static Map<String, Date> startTimes(HistoryService history, String definitionId) {
    Map<String, Date> started = new HashMap<>();
    history
        .createHistoricProcessInstanceQuery()
        .processDefinitionId(definitionId)
        .unfinished()
        .list()
        .forEach(instance -> started.put(instance.getId(), instance.getStartTime()));
    return started;
  }

  static RunningInstance of(
      ProcessInstance instance, RuntimeService runtime, Date started, ActivityNames names) {
    List<Step> steps = new ArrayList<>();
    ActivityInstance tree = runtime.getActivityInstance(instance.getId());
    if (tree != null) {
      collectLeaves(tree, names, steps);
    }
    return new RunningInstance(
        instance.getId(), instance.getBusinessKey(), started, List.copyOf(steps));
  }

  /** The innermost steps: a phase is named by the steps open inside it. */
  private static void collectLeaves(ActivityInstance scope, ActivityNames names, List<Step> steps) {
    for (TransitionInstance waiting : scope.getChildTransitionInstances()) {
      add(waiting.getActivityId(), names, steps);
    }
    if (scope.getChildActivityInstances().length == 0
        && scope.getChildTransitionInstances().length == 0
        && scope.getParentActivityInstanceId() != null) {
      add(scope.getActivityId(), names, steps);
      return;
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      collectLeaves(child, names, steps);
    }
  }

  private static void add(String activityId, ActivityNames names, List<Step> steps) {
    String id = ActivityNames.step(activityId);
    if (steps.stream().noneMatch(step -> step.activityId().equals(id))) {
      steps.add(new Step(id, names.english(id), names.chinese(id)));
    }
  }
}
