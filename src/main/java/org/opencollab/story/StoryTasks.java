package org.opencollab.story;

import static org.opencollab.story.StoryValues.json;
import static org.opencollab.story.StoryValues.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedStep;
import org.opencollab.opportunity.LateSteps;

/**
 * The user tasks of one instance of a story, as its reader may read them: who had each, when it was
 * created, claimed, completed, what the completion set, and a sealed answer (a vote, a peer
 * evaluation) for its giver, and for oversight once its step is decided.
 */
final class StoryTasks {

  /**
   * Variables a step keeps for the process, which nobody enters: the late task's id that a
   * follow-up carries so that the task's completion can close it.
   */
  private static final Set<String> PROCESS_OWN = Set.of(LateSteps.LATE_TASK_ID);

  private final HistoryService history;
  private final SealedAnswers sealed;
  private final Map<String, SealedStep> sealedSteps;

  StoryTasks(HistoryService history, SealedAnswers sealed, Map<String, SealedStep> sealedSteps) {
    this.history = history;
    this.sealed = sealed;
    this.sealedSteps = sealedSteps;
  }

  /**
   * The user tasks; a task of a step that hides who answered (a committee vote) shows a reader
   * without confidential access only its name, creation and due date, and its id goes into {@code
   * anonymous}.
   */
  void read(
      ArrayNode into,
      HistoricProcessInstance instance,
      List<HistoricDetail> updates,
      StoryReader reader,
      Set<String> anonymous) {
    Map<String, String> completedBy = new HashMap<>();
    history
        .createUserOperationLogQuery()
        .processInstanceId(instance.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .forEach(entry -> completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId()));
    Map<String, JsonNode> answers = new HashMap<>();
    boolean unsealed = false;
    for (SealedStep step : sealedSteps.values()) {
      if (step.processKey().equals(instance.getProcessDefinitionKey())) {
        sealed
            .read(instance.getId(), step.step())
            .forEach(answer -> answers.put(step.step() + "/" + answer.person(), answer.fields()));
        Object decided = StoryValues.variable(history, instance, step.decidedBy());
        unsealed |= decided != null && !Boolean.FALSE.equals(decided);
      }
    }
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()) {
      ObjectNode node = into.addObject();
      SealedStep sealedStep = sealedSteps.get(task.getTaskDefinitionKey());
      if (sealedStep != null
          && sealedStep.hidesWhoAnswered()
          && !reader.confidential()
          && !reader.userId().equals(task.getAssignee())) {
        anonymous.add(task.getId());
        node.put("key", task.getTaskDefinitionKey());
        node.put("name", task.getName());
        node.put("created", time(task.getStartTime()));
        node.put("due", time(task.getDueDate()));
        node.put("confidential", "who voted, and when, is read by oversight only");
        continue;
      }
      JsonNode answer = answers.get(task.getTaskDefinitionKey() + "/" + task.getAssignee());
      // A sealed answer: its giver reads it; oversight once the step is decided.
      if (answer != null
          && (reader.userId().equals(task.getAssignee()) || reader.confidential() && unsealed)) {
        node.set("answer", answer);
      }
      node.put("taskId", task.getId());
      node.put("key", task.getTaskDefinitionKey());
      node.put("name", task.getName());
      node.put("assignee", task.getAssignee());
      node.put("completedBy", completedBy.get(task.getId()));
      ArrayNode groups = node.putArray("candidateGroups");
      String claimed = null;
      for (HistoricIdentityLinkLog link :
          history
              .createHistoricIdentityLinkLogQuery()
              .taskId(task.getId())
              .orderByTime()
              .asc()
              .list()) {
        if ("candidate".equals(link.getType())
            && "add".equals(link.getOperationType())
            && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
        if (claimed == null
            && "assignee".equals(link.getType())
            && "add".equals(link.getOperationType())) {
          claimed = time(link.getTime());
        }
      }
      node.put("created", time(task.getStartTime()));
      node.put("claimed", claimed);
      node.put(
          "completed", "completed".equals(task.getDeleteReason()) ? time(task.getEndTime()) : null);
      node.put("ended", time(task.getEndTime()));
      node.put("endReason", task.getDeleteReason());
      node.put("due", time(task.getDueDate()));
      ObjectNode set = node.putObject("variablesSet");
      ObjectNode local = node.putObject("localValues");
      for (HistoricDetail detail : updates) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        String givenBy = completedBy.getOrDefault(task.getId(), task.getAssignee());
        if (!reader.sees(update.getVariableName(), givenBy)
            || PROCESS_OWN.contains(update.getVariableName())) {
          continue;
        }
        if (task.getId().equals(detail.getTaskId())) {
          local.set(update.getVariableName(), json(update.getValue()));
        } else if (detail.getTaskId() == null
            && task.getEndTime() != null
            && task.getActivityInstanceId() != null
            && task.getActivityInstanceId().equals(detail.getActivityInstanceId())
            && Math.abs(detail.getTime().getTime() - task.getEndTime().getTime()) < 2_000) {
          set.set(update.getVariableName(), json(update.getValue()));
        }
      }
    }
  }
}
