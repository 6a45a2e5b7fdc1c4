package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.MAJORITY_OPTION;
import static org.opencollab.arbitration.ArbitrationVariables.PROCESS_KEY;
import static org.opencollab.arbitration.ArbitrationVariables.RULING;
import static org.opencollab.arbitration.ArbitrationVariables.TALLY;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE;
import static org.opencollab.arbitration.ArbitrationVariables.VOTER;
import static org.opencollab.arbitration.ArbitrationVariables.VOTES;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE_RATIONALE;
import static org.opencollab.arbitration.ArbitrationVariables.VOTE_STEP;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedAnswers.Answer;
import org.opencollab.confidential.SealedStep;
import org.opencollab.variables.JsonVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * {@code ArbitrationVote} complete listener: a secret ballot. Each vote is sealed as it is cast
 * ({@link SealedAnswers}): it leaves the engine, so nobody reads, filters or counts it while the
 * vote is open, not even oversight. The listener counts the sealed ballots; once one option holds a
 * strict majority of the members who vote, or the last of them has voted, it writes the {@code
 * tally} and, with a majority, {@code majorityOption}, which closes the voting (the model's
 * completion condition cancels the remaining vote tasks). Who voted what is gathered into {@code
 * votes} only when the ruling is composed ({@link RulingComposer}).
 */
@Component("voteCast")
public class VoteCast implements TaskListener {

  /**
   * The ballot: {@code vote} and {@code voteRationale}, gathered into {@code votes} once the {@code
   * ruling} is composed; who voted when is secret too.
   */
  public static final SealedStep BALLOT =
      new SealedStep(
          PROCESS_KEY, VOTE_STEP, List.of(VOTE, VOTE_RATIONALE), List.of(VOTES), RULING, true);

  @Bean
  static SealedStep ballot() {
    return BALLOT;
  }

  @Override
  public void notify(DelegateTask task) {
    SealedAnswers.seal(task, BALLOT, (String) task.getVariable(VOTER));
    List<Answer> ballots = SealedAnswers.of(task.getProcessInstanceId(), BALLOT);
    Map<String, String> options = new TreeMap<>();
    ballots.forEach(ballot -> options.put(ballot.person(), (String) ballot.value(VOTE)));
    int voters = ((Number) task.getVariable("nrOfInstances")).intValue();
    Optional<String> majority = Committee.majority(options, voters);
    if (majority.isEmpty() && ballots.size() < voters) {
      return;
    }
    DelegateExecution dispute = task.getExecution().getProcessInstance();
    dispute.setVariable(TALLY, JsonVariables.value(tally(options.values())));
    majority.ifPresent(option -> dispute.setVariable(MAJORITY_OPTION, option));
  }

  /**
   * How many votes each option got, every option named: {@code {"UPHOLD": 2, "REJECT": 1, ...}}.
   */
  static ObjectNode tally(Iterable<String> votes) {
    ObjectNode tally = JsonVariables.object(null);
    ArbitrationVariables.OPTIONS.forEach(option -> tally.put(option, 0));
    votes.forEach(vote -> tally.put(vote, tally.path(vote).asInt() + 1));
    return tally;
  }

  /** The sealed ballots as {@code votes}: {@code {"grace": {"vote", "rationale"}}}. */
  static ObjectNode votes(List<Answer> ballots) {
    ObjectNode votes = JsonVariables.object(null);
    for (Answer ballot : ballots) {
      votes
          .putObject(ballot.person())
          .put("vote", (String) ballot.value(VOTE))
          .put("rationale", (String) ballot.value(VOTE_RATIONALE));
    }
    return votes;
  }
}
