package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.DECISION_VERSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * An opportunity decides by the policy in force when it started: at the start it pins the latest
 * version of every decision its model calls ({@code decisionVersions}), and each business rule task
 * evaluates that version ({@code camunda:decisionRefBinding="version"} with {@code
 * ${decisions.pinned(execution, 'incentivePolicy')}}). A process owner who changes a decision table
 * changes it for new opportunities; running ones keep theirs (docs/process-owners.md, "Change a
 * rule, see it live").
 */
@Component("decisions")
public class DecisionVersions {

  /**
   * DMN {@code serviceLevels}: pinned even where the model does not call it, as models before
   * {@code DetermineServiceLevels} did not.
   */
  public static final String SERVICE_LEVELS = "serviceLevels";

  /** Records the latest version of every decision the model of {@code start} calls. */
  public void pin(DelegateExecution start) {
    RepositoryService repository = start.getProcessEngineServices().getRepositoryService();
    ObjectNode versions = JsonVariables.object(null);
    TreeSet<String> keys = new TreeSet<>();
    for (BusinessRuleTask task :
        start.getBpmnModelInstance().getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() != null) {
        keys.add(task.getCamundaDecisionRef());
      }
    }
    // Also where a bean decides it: model versions before DetermineServiceLevels (ServiceLevels).
    keys.add(SERVICE_LEVELS);
    for (String key : keys) {
      DecisionDefinition latest =
          WithoutAuthorization.query(
              () ->
                  repository
                      .createDecisionDefinitionQuery()
                      .decisionDefinitionKey(key)
                      .latestVersion()
                      .singleResult());
      if (latest != null) {
        versions.put(key, latest.getVersion());
      }
    }
    start.setVariable(DECISION_VERSIONS, JsonVariables.value(versions));
  }

  /**
   * The version of decision {@code key} this opportunity pinned at its start; the latest one for an
   * opportunity that started before decisions were pinned.
   */
  public Integer pinned(DelegateExecution execution, String key) {
    Object versions = execution.getVariable(DECISION_VERSIONS);
    JsonNode version = versions == null ? null : JsonVariables.object(versions).get(key);
    if (version != null && version.canConvertToInt()) {
      return version.intValue();
    }
    RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
    return WithoutAuthorization.query(
        () ->
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .latestVersion()
                .singleResult()
                .getVersion());
  }
}
