package org.opencollab.story;

import static org.opencollab.story.StoryValues.json;
import static org.opencollab.story.StoryValues.label;
import static org.opencollab.story.StoryValues.text;
import static org.opencollab.story.StoryValues.time;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The records of one instance of a story besides its tasks: the activities it passed, the decisions
 * it evaluated (inputs, outputs, matched rules, named by their tables), the user operation log with
 * the variables it changed, and its incidents.
 */
final class StoryRecords {

  private final HistoryService history;
  private final RepositoryService repository;

  StoryRecords(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  void activities(ArrayNode into, HistoricProcessInstance instance) {
    for (HistoricActivityInstance activity :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      ObjectNode node = into.addObject();
      node.put("id", activity.getActivityId());
      node.put("name", activity.getActivityName());
      node.put("type", activity.getActivityType());
      node.put("start", time(activity.getStartTime()));
      node.put("end", time(activity.getEndTime()));
      if (activity.getDurationInMillis() != null) {
        node.put("durationMillis", activity.getDurationInMillis());
      }
      node.put("canceled", activity.isCanceled());
    }
  }

  void decisions(ArrayNode into, HistoricProcessInstance instance) {
    for (HistoricDecisionInstance decision :
        history
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(instance.getId())
            .includeInputs()
            .includeOutputs()
            .orderByEvaluationTime()
            .asc()
            .list()) {
      ObjectNode node = into.addObject();
      node.put("key", decision.getDecisionDefinitionKey());
      var definition = repository.getDecisionDefinition(decision.getDecisionDefinitionId());
      node.put("name", definition.getName());
      node.put("version", definition.getVersion());
      node.put("activityId", decision.getActivityId());
      node.put("evaluated", time(decision.getEvaluationTime()));
      DmnModelInstance table = repository.getDmnModelInstance(decision.getDecisionDefinitionId());
      // The inputs and outputs as the table's columns name them for people ("Reason / 原因"),
      // beside the values keyed as before for machines.
      ObjectNode inputs = node.putObject("inputs");
      ObjectNode inputLabels = node.putObject("inputLabels");
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        String key = label(input.getClauseName(), input.getClauseId());
        inputs.set(key, json(input.getValue()));
        inputLabels.put(key, columnLabel(table, input.getClauseId(), key));
      }
      ObjectNode outputs = node.putObject("outputs");
      ObjectNode outputLabels = node.putObject("outputLabels");
      Map<String, String> rules = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        String key = label(output.getVariableName(), output.getClauseId());
        outputs.set(key, json(output.getValue()));
        outputLabels.put(key, columnLabel(table, output.getClauseId(), key));
        rules.putIfAbsent(output.getRuleId(), null);
      }
      ArrayNode matched = node.putArray("matchedRules");
      rules
          .keySet()
          .forEach(
              rule -> {
                ObjectNode ruleNode = matched.addObject();
                ruleNode.put("id", rule);
                ruleNode.put(
                    "description", ruleDescription(decision.getDecisionDefinitionId(), rule));
              });
    }
  }

  /** The label of a decision table's input or output column, else {@code fallback}. */
  private static String columnLabel(DmnModelInstance table, String clauseId, String fallback) {
    ModelElementInstance column = clauseId == null ? null : table.getModelElementById(clauseId);
    String label = null;
    if (column instanceof Input input) {
      label = input.getLabel();
      if ((label == null || label.isBlank())
          && input.getInputExpression() != null
          && input.getInputExpression().getText() != null) {
        label = input.getInputExpression().getText().getTextContent();
      }
    } else if (column instanceof Output output) {
      label = output.getLabel();
    }
    return label == null || label.isBlank() ? fallback : label.trim();
  }

  private String ruleDescription(String decisionDefinitionId, String ruleId) {
    Rule rule = repository.getDmnModelInstance(decisionDefinitionId).getModelElementById(ruleId);
    return rule == null || rule.getDescription() == null
        ? null
        : rule.getDescription().getTextContent();
  }

  /**
   * The user operation log, and for a variable changed outside a task (a repair by a process owner
   * or administrator) the variable, its old and its new value, which Camunda's log leaves out: the
   * history detail written by the same operation carries its operation id.
   */
  void operations(
      ArrayNode into,
      HistoricProcessInstance instance,
      List<HistoricDetail> updates,
      StoryReader reader,
      Set<String> anonymous) {
    for (UserOperationLogEntry entry :
        history
            .createUserOperationLogQuery()
            .processInstanceId(instance.getId())
            .orderByTimestamp()
            .asc()
            .list()) {
      if (entry.getTaskId() != null && anonymous.contains(entry.getTaskId())) {
        continue;
      }
      ObjectNode node = into.addObject();
      node.put("time", time(entry.getTimestamp()));
      node.put("userId", entry.getUserId());
      node.put("operation", entry.getOperationType());
      node.put("entity", entry.getEntityType());
      node.put("taskId", entry.getTaskId());
      HistoricVariableUpdate change = changeOf(entry, updates);
      if (change != null) {
        boolean visible = reader.sees(change.getVariableName(), null);
        node.put("property", change.getVariableName());
        node.put("oldValue", visible ? text(previous(change, updates)) : "(confidential)");
        node.put("newValue", visible ? text(change.getValue()) : "(confidential)");
        continue;
      }
      node.put("property", entry.getProperty());
      boolean visible = entry.getProperty() == null || reader.sees(entry.getProperty(), null);
      node.put("oldValue", visible ? entry.getOrgValue() : "(confidential)");
      node.put("newValue", visible ? entry.getNewValue() : "(confidential)");
    }
  }

  private static HistoricVariableUpdate changeOf(
      UserOperationLogEntry entry, List<HistoricDetail> updates) {
    if (!EntityTypes.VARIABLE.equals(entry.getEntityType())) {
      return null;
    }
    for (HistoricDetail detail : updates) {
      if (entry.getOperationId() != null
          && entry.getOperationId().equals(detail.getUserOperationId())) {
        return (HistoricVariableUpdate) detail;
      }
    }
    return null;
  }

  /** The value the variable had before {@code change}, or null when it had none. */
  private static Object previous(HistoricVariableUpdate change, List<HistoricDetail> updates) {
    Object before = null;
    for (HistoricDetail detail : updates) {
      if (detail == change) {
        return before;
      }
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      if (change.getVariableInstanceId().equals(update.getVariableInstanceId())) {
        before = update.getValue();
      }
    }
    return before;
  }

  void incidents(ArrayNode into, HistoricProcessInstance instance) {
    for (HistoricIncident incident :
        history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list()) {
      ObjectNode node = into.addObject();
      node.put("type", incident.getIncidentType());
      node.put("activityId", incident.getActivityId());
      node.put("message", incident.getIncidentMessage());
      node.put("created", time(incident.getCreateTime()));
      node.put("ended", time(incident.getEndTime()));
      node.put("resolved", incident.isResolved());
    }
  }
}
