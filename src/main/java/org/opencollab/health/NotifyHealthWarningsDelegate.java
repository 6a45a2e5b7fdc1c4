package org.opencollab.health;

import static org.opencollab.health.HealthCheckVariables.HEALTH_REPORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opencollab.notify.WarningNotices;
import org.opencollab.notify.WarningNotices.Notice;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code NotifyHealthWarnings} (asynchronous): each warning of {@code healthReport}
 * goes to the members of the department it concerns, to the executive sponsors of the opportunities
 * in its evidence, and to the department's chat group ({@link WarningNotices}). What it queues
 * leaves when the step commits; a retried step queues the same keys again, and only one run
 * commits.
 */
@Component("notifyHealthWarnings")
public class NotifyHealthWarningsDelegate implements JavaDelegate {

  private final WarningNotices notices;

  public NotifyHealthWarningsDelegate(WarningNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    JsonNode report = JsonVariables.object(execution.getVariable(HEALTH_REPORT));
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    int number = 0;
    for (JsonNode warning : report.path("warnings")) {
      number++;
      notices.send(
          execution.getProcessEngineServices().getIdentityService(),
          new Notice(
              "health-warning:" + execution.getProcessInstanceId() + ":" + number,
              warning.path("warningName").asText(),
              warning.path("subjectName").asText(),
              warning.path("condition").asText(),
              warning.path("evidenceText").asText(),
              "department".equals(warning.path("subjectKind").asText())
                  ? warning.path("subject").asText()
                  : null,
              sponsors(history, opportunities(history, warning))));
    }
  }

  /**
   * The opportunities a warning's evidence names: by their id, or by a process instance of theirs
   * (an opportunity and its disputes carry the opportunity id as business key).
   */
  static Set<String> opportunities(HistoryService history, JsonNode warning) {
    Set<String> ids = new LinkedHashSet<>();
    if ("opportunity".equals(warning.path("subjectKind").asText())) {
      ids.add(warning.path("subject").asText());
    }
    ids.addAll(warning.path("evidence").findValuesAsText("opportunityId"));
    List<String> instances = warning.path("evidence").findValuesAsText("processInstanceId");
    for (List<String> chunk : HistoryWindow.chunks(instances)) {
      for (HistoricProcessInstance instance :
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceIds(new LinkedHashSet<>(chunk))
              .list()) {
        if (instance.getBusinessKey() != null) {
          ids.add(instance.getBusinessKey());
        }
      }
    }
    return ids;
  }

  /** The executive sponsor of each of {@code opportunityIds} that has one. */
  static Map<String, String> sponsors(HistoryService history, Set<String> opportunityIds) {
    Map<String, String> sponsors = new TreeMap<>();
    if (opportunityIds.isEmpty()) {
      return sponsors;
    }
    Map<String, String> opportunityOf = new HashMap<>();
    for (HistoricProcessInstance opportunity :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(HealthAssessment.OPPORTUNITY_PROCESS)
            .processInstanceBusinessKeyIn(opportunityIds.toArray(String[]::new))
            .list()) {
      opportunityOf.put(opportunity.getId(), opportunity.getBusinessKey());
    }
    if (opportunityOf.isEmpty()) {
      return sponsors;
    }
    for (HistoricVariableInstance sponsor :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(opportunityOf.keySet().toArray(String[]::new))
            .variableName(OpportunityVariables.EXECUTIVE_SPONSOR)
            .list()) {
      if (sponsor.getValue() instanceof String user && !user.isBlank()) {
        sponsors.put(opportunityOf.get(sponsor.getProcessInstanceId()), user);
      }
    }
    return sponsors;
  }
}
