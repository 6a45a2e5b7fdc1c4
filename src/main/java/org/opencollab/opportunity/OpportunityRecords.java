package org.opencollab.opportunity;

import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.opencollab.engine.WithoutAuthorization;

/**
 * Finds an opportunity, running or finished, by its id (its business key) in the engine's history.
 * Reads without the current user's authorizations: a rule must see every opportunity, whichever the
 * user may read.
 */
public final class OpportunityRecords {

  private OpportunityRecords() {}

  public static Optional<HistoricProcessInstance> find(
      HistoryService history, String opportunityId) {
    return WithoutAuthorization.query(
        () ->
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(OpportunityVariables.PROCESS_KEY)
                .processInstanceBusinessKey(opportunityId)
                .orderByProcessInstanceStartTime()
                .asc()
                .list()
                .stream()
                .findFirst());
  }

  /** The current value of one of the opportunity's variables, or empty when it has none. */
  public static Optional<Object> variable(
      HistoryService history, String processInstanceId, String name) {
    return WithoutAuthorization.query(
        () ->
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName(name)
                .list()
                .stream()
                .filter(OpportunityRecords::ofTheInstanceItself)
                .map(HistoricVariableInstance::getValue)
                .filter(java.util.Objects::nonNull)
                .findFirst());
  }

  /**
   * Whether a historic variable belongs to its process instance's own scope: not to a sub-process,
   * nor a task's local copy (the filters' columns, {@code TaskNames}).
   */
  public static boolean ofTheInstanceItself(HistoricVariableInstance variable) {
    return variable.getProcessInstanceId().equals(variable.getExecutionId())
        && variable.getTaskId() == null;
  }

  /**
   * Where an opportunity stands, in words: the names of its open steps while it runs ("Negotiate
   * deal, Support negotiation"), or how it ended ("ended: LOST").
   */
  public static String stage(ProcessEngineServices engine, HistoricProcessInstance opportunity) {
    if (opportunity.getEndTime() != null) {
      return "ended: "
          + variable(
                  engine.getHistoryService(),
                  opportunity.getId(),
                  OpportunityVariables.FINAL_OUTCOME)
              .orElse(opportunity.getState());
    }
    return WithoutAuthorization.query(
        () -> {
          BpmnModelInstance model =
              engine
                  .getRepositoryService()
                  .getBpmnModelInstance(opportunity.getProcessDefinitionId());
          return engine.getRuntimeService().getActiveActivityIds(opportunity.getId()).stream()
              .map(model::getModelElementById)
              .filter(FlowElement.class::isInstance)
              .map(element -> ((FlowElement) element).getName())
              .filter(name -> name != null && !name.isBlank())
              .distinct()
              .sorted()
              .collect(Collectors.joining(", "));
        });
  }
}
