package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.MAJORITY_OPTION;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE;
import static org.opencollab.arbitration.ArbitrationVariables.VOTER;
import static org.opencollab.arbitration.ArbitrationVariables.VOTES;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE_RATIONALE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.SiblingAnswers;
import org.springframework.stereotype.Component;

/**
 * {@code ArbitrationVote} complete listener. Votes stay confidential while voting is open: each
 * vote lives in its own task ({@link SiblingAnswers}), and this listener counts them. Once one
 * option holds a strict majority of the whole committee, or the last member has voted, it writes
 * {@code votes} ({@code {"grace": {"vote": "UPHOLD", "rationale": "..."}}}) and, with a majority,
 * {@code majorityOption}, which closes the voting (the model's completion condition cancels the
 * remaining vote tasks).
 */
@Component("voteCast")
public class VoteCast implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> ballots = SiblingAnswers.soFar(task, VOTE, VOTER, VOTE_RATIONALE);
    Map<String, String> options = new TreeMap<>();
    ballots.forEach(ballot -> options.put((String) ballot.get(VOTER), (String) ballot.get(VOTE)));
    int committeeSize = ((Number) task.getVariable("nrOfInstances")).intValue();
    Optional<String> majority = Committee.majority(options, committeeSize);
    if (majority.isEmpty() && !SiblingAnswers.isLast(task, ballots)) {
      return;
    }
    DelegateExecution dispute = task.getExecution().getProcessInstance();
    ObjectNode votes = JsonVariables.object(null);
    ballots.forEach(
        ballot ->
            votes
                .putObject((String) ballot.get(VOTER))
                .put("vote", (String) ballot.get(VOTE))
                .put("rationale", (String) ballot.get(VOTE_RATIONALE)));
    dispute.setVariable(VOTES, JsonVariables.value(votes));
    majority.ifPresent(option -> dispute.setVariable(MAJORITY_OPTION, option));
  }
}
