package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.AGREEMENT_REJECTIONS;
import static org.opencollab.opportunity.OpportunityVariables.REVISION_COUNT;
import static org.opencollab.opportunity.OpportunityVariables.RULINGS;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Process start listener: the counters and collections every opportunity starts with, and the
 * versions of the decisions it will evaluate ({@link DecisionVersions}).
 */
@Component("openOpportunity")
public class OpportunityOpened implements ExecutionListener {

  private final DecisionVersions decisions;

  public OpportunityOpened(DecisionVersions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // Long, as the model counts revisions with ${revisionCount + 1}.
    execution.setVariable(REVISION_COUNT, 0L);
    execution.setVariable(RULINGS, SpinValues.jsonValue("[]").create());
    execution.setVariable(AGREEMENT_REJECTIONS, new ArrayList<>());
    decisions.pin(execution);
  }
}
