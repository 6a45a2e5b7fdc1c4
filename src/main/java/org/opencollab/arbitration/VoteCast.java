package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.MAJORITY_OPTION;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE;
import static org.opencollab.arbitration.ArbitrationVariables.VOTER;
import static org.opencollab.arbitration.ArbitrationVariables.VOTES;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE_RATIONALE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.validation.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * {@code ArbitrationVote} complete listener: gathers the vote into {@code votes} and, once one option
 * holds a strict majority of the whole committee, sets {@code majorityOption}, which closes the voting
 * (the model's completion condition cancels the remaining vote tasks).
 */
@Component("voteCast")
public class VoteCast implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution dispute = task.getExecution().getProcessInstance();
    ObjectNode votes = JsonVariables.update(dispute, VOTES, all -> all.putObject((String) task.getVariable(VOTER))
        .put("vote", (String) task.getVariable(VOTE))
        .put("rationale", (String) task.getVariable(VOTE_RATIONALE)));

    Map<String, String> options = new TreeMap<>();
    votes.fields().forEachRemaining(entry -> options.put(entry.getKey(), entry.getValue().path("vote").asText()));
    int committeeSize = ((Number) task.getVariable("nrOfInstances")).intValue();
    Committee.majority(options, committeeSize).ifPresent(option -> dispute.setVariable(MAJORITY_OPTION, option));
  }
}
