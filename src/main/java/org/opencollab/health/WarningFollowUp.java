package org.opencollab.health;

import static org.opencollab.health.HealthCheckVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * {@code FollowUpHealthWarning} listener. As the task is created, it shows its warning: the
 * warning's name, subject and evidence become variables of the task, which its form shows read-only
 * (an input mapping cannot read the multi-instance element, {@code healthWarning}). As it
 * completes, it gathers the follow-up (who, the action, the note) into {@code warningFollowUps} of
 * the check, where the next check's report finds it (docs/collaboration-health.md, "Follow-ups").
 */
@Component("warningFollowUp")
public class WarningFollowUp implements TaskListener {

  /** The actions as a person reads them, in both languages. */
  static final Map<String, String> ACTION_NAMES =
      Map.of(
          "CONTACTED_DEPARTMENT", "Contacted the department / 已联系部门",
          "CHANGED_PROCESS", "Changed the way of working / 已调整流程",
          "ESCALATED_TO_COMMITTEE", "Escalated to the committee / 已上报协作会",
          "NO_ACTION_NEEDED", "No action needed / 无需行动");

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      JsonNode warning = JsonVariables.object(task.getVariable(HEALTH_WARNING));
      task.setVariableLocal(WARNING_NAME, warning.path("warningName").asText());
      task.setVariableLocal(SUBJECT_NAME, warning.path("subjectName").asText());
      task.setVariableLocal(EVIDENCE_TEXT, warning.path("evidenceText").asText());
      return;
    }
    JsonNode warning = JsonVariables.object(task.getVariable(HEALTH_WARNING));
    String action = (String) task.getVariable(WARNING_ACTION);
    ObjectNode followUp = JsonVariables.object(null);
    followUp.put("number", ((Number) task.getVariable("loopCounter")).intValue() + 1);
    followUp.put("warning", warning.path("warning").asText());
    followUp.put("warningName", warning.path("warningName").asText());
    followUp.put("subjectKind", warning.path("subjectKind").asText());
    followUp.put("subject", warning.path("subject").asText());
    followUp.put("subjectName", warning.path("subjectName").asText());
    followUp.put("followedUpBy", followedUpBy(task));
    followUp.put("action", action);
    followUp.put("actionName", ACTION_NAMES.get(action));
    followUp.put("note", (String) task.getVariable(WARNING_NOTE));
    followUp.put("followedUpAt", ClockUtil.getCurrentTime().toInstant().toString());
    var check = task.getExecution().getProcessInstance();
    var followUps = JsonVariables.array(check.getVariable(WARNING_FOLLOW_UPS));
    followUps.add(followUp);
    check.setVariable(WARNING_FOLLOW_UPS, JsonVariables.value(followUps));
  }

  /** The person completing: the one signed in, whether or not they claimed the task first. */
  private static String followedUpBy(DelegateTask task) {
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null
        ? current.getUserId()
        : task.getAssignee();
  }
}
