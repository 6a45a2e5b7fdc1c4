package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_COMMITMENTS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_SHARES;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVES_APPROVED;
import static org.opencollab.opportunity.OpportunityVariables.RULING;
import static org.opencollab.opportunity.OpportunityVariables.RULINGS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Applies a ruling of {@code collaborationArbitration} to the opportunity: appends it to {@code
 * rulings}, lets its {@code adjustedCommitments} replace {@code departmentCommitments} and, unless
 * incentives were already approved, lets its {@code adjustedShares} replace {@code
 * departmentShares} — the ruling binds (协作会仲裁). Used on the end of the dispute call activities and
 * by the {@code DisputeRuled} event sub-process.
 */
@Component("applyRuling")
public class RulingApplier implements JavaDelegate, ExecutionListener {

  @Override
  public void execute(DelegateExecution execution) {
    apply(execution);
  }

  /**
   * The end of a dispute call activity. A call activity cancelled before its dispute ruled (the
   * design done while its escalation waits, or the opportunity deleted) has no ruling to apply: the
   * engine ends it, listeners and all, and the {@code ruling} it would read is none or an earlier
   * dispute's.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    apply(execution);
  }

  private static void apply(DelegateExecution execution) {
    DelegateExecution opportunity = execution.getProcessInstance();
    ObjectNode ruling = VariableReader.of(execution::getVariable).jsonObject(RULING);
    ArrayNode rulings =
        (ArrayNode) JsonVariables.read(opportunity.getVariable(RULINGS), JsonNode.class);
    rulings.add(ruling);
    opportunity.setVariable(RULINGS, JsonVariables.value(rulings));

    JsonNode adjustedShares = ruling.path("adjustedShares");
    if (adjustedShares.isObject()
        && !Boolean.TRUE.equals(opportunity.getVariable(INCENTIVES_APPROVED))) {
      opportunity.setVariable(DEPARTMENT_SHARES, JsonVariables.value(adjustedShares));
    }
    JsonNode adjustedCommitments = ruling.path("adjustedCommitments");
    if (adjustedCommitments.isObject()) {
      opportunity.setVariable(DEPARTMENT_COMMITMENTS, JsonVariables.value(adjustedCommitments));
    }
  }
}
