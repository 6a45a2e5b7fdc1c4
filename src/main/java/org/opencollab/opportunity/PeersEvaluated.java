package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.MEMBER;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.SiblingAnswers;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * {@code EvaluatePeers} complete listener (360度评估). Ratings stay confidential until the statement
 * is computed: each member's ratings live in their own task ({@link SiblingAnswers}), and only when
 * the last member has rated are they gathered into {@code peerRatings} {@code {rater: {ratee:
 * score}}}.
 */
@Component("peersEvaluated")
public class PeersEvaluated implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> evaluations = SiblingAnswers.soFar(task, RATINGS, MEMBER);
    if (!SiblingAnswers.isLast(task, evaluations)) {
      return;
    }
    ObjectNode peerRatings = JsonVariables.object(null);
    for (Map<String, Object> evaluation : evaluations) {
      ObjectNode given = peerRatings.putObject((String) evaluation.get(MEMBER));
      VariableReader.of(evaluation::get).integerMap(RATINGS).forEach(given::put);
    }
    task.getExecution()
        .getProcessInstance()
        .setVariable(PEER_RATINGS, JsonVariables.value(peerRatings));
  }
}
