package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.MEMBER;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.validation.JsonVariables;
import org.opencollab.validation.VariableReader;
import org.springframework.stereotype.Component;

/** {@code EvaluatePeers} complete listener: gathers each member's ratings into {@code peerRatings} (360度评估). */
@Component("peersEvaluated")
public class PeersEvaluated implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution opportunity = task.getExecution().getProcessInstance();
    JsonVariables.update(opportunity, PEER_RATINGS, peerRatings -> {
      ObjectNode given = peerRatings.putObject((String) task.getVariable(MEMBER));
      VariableReader.of(task::getVariable).integerMap(RATINGS).forEach(given::put);
    });
  }
}
