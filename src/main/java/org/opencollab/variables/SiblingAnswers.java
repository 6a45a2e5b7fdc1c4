package org.opencollab.variables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opencollab.config.WithoutAuthorization;

/**
 * The answers given so far in one parallel multi-instance step (peer ratings, committee votes),
 * read where nobody who is still answering can see them: each answer lives only in its own task's
 * scope, so it leaves the runtime when that task completes and stays in the history, which people
 * working those tasks cannot query. A completion listener reads the earlier answers from the
 * history, adds its own, and makes them a process variable only once the step is decided.
 */
public final class SiblingAnswers {

  private SiblingAnswers() {}

  /**
   * The answers of the completed tasks of {@code task}'s step in its process instance, plus the one
   * completing now, each as {@code name -> value} of {@code names}; the first name must be one that
   * every completed task has set (the answer itself). Ordered by execution, the current answer
   * last.
   */
  public static List<Map<String, Object>> soFar(DelegateTask task, String... names) {
    // Grouped by execution: the multi-instance element variable is set on each instance's execution
    // before it enters the task, so it carries another activity instance id than the answer.
    String current = task.getExecutionId();
    Map<String, Map<String, Object>> byTask = new TreeMap<>();
    List<HistoricVariableInstance> history =
        WithoutAuthorization.query(
            () ->
                task.getProcessEngineServices()
                    .getHistoryService()
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .variableNameIn(names)
                    .list());
    for (HistoricVariableInstance variable : history) {
      if (!variable.getExecutionId().equals(current)) {
        byTask
            .computeIfAbsent(variable.getExecutionId(), key -> new LinkedHashMap<>())
            .put(variable.getName(), variable.getValue());
        if (variable.getName().equals(names[0]) && !isOfStep(variable, task)) {
          byTask.get(variable.getExecutionId()).put(names[0], null);
        }
      }
    }
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Map<String, Object> answer : byTask.values()) {
      if (answer.get(names[0]) != null) {
        answers.add(answer);
      }
    }
    Map<String, Object> own = new LinkedHashMap<>();
    for (String name : names) {
      own.put(name, task.getVariable(name));
    }
    answers.add(own);
    return answers;
  }

  private static boolean isOfStep(HistoricVariableInstance answer, DelegateTask task) {
    return answer.getActivityInstanceId() != null
        && answer.getActivityInstanceId().startsWith(task.getTaskDefinitionKey() + ":");
  }

  /** Whether the answer completing now is the last one the step waits for. */
  public static boolean isLast(DelegateTask task, List<Map<String, Object>> answers) {
    return answers.size() >= ((Number) task.getVariable("nrOfInstances")).intValue();
  }
}
