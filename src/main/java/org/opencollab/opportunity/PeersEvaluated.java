package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.EVALUATION_STEP;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVES_APPROVED;
import static org.opencollab.opportunity.OpportunityVariables.MEMBER;
import static org.opencollab.opportunity.OpportunityVariables.PEER_COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.PROCESS_KEY;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedAnswers.Answer;
import org.opencollab.confidential.SealedStep;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * {@code EvaluatePeers} complete listener (360度评估), and the ratings' way out of the seal. Each
 * member's ratings and comments are sealed as they are given ({@link SealedAnswers}): nobody reads,
 * filters or counts them until the incentive statement is approved, not even oversight. {@code
 * CalculateIncentives} reads them sealed ({@link #ratings}); when the statement is approved, the
 * end event <i>Incentives approved</i> gathers them into {@code peerRatings} {@code {rater: {ratee:
 * score}}} and {@code peerComments} {@code {rater: "..."}} ({@code
 * ${peersEvaluated.unseal(execution)}}).
 */
@Component("peersEvaluated")
public class PeersEvaluated implements TaskListener {

  /**
   * A member's evaluation: {@code ratings} and {@code comments}, unsealed when {@code
   * incentivesApproved}.
   */
  public static final SealedStep EVALUATION =
      new SealedStep(
          PROCESS_KEY,
          EVALUATION_STEP,
          List.of(RATINGS, COMMENTS),
          List.of(PEER_RATINGS, PEER_COMMENTS),
          INCENTIVES_APPROVED,
          false);

  @Bean
  static SealedStep evaluation() {
    return EVALUATION;
  }

  @Override
  public void notify(DelegateTask task) {
    SealedAnswers.seal(task, EVALUATION, (String) task.getVariable(MEMBER));
  }

  /**
   * The ratings the statement is computed from: {@code peerRatings} when a process owner gave them
   * (a repair), else the sealed evaluations.
   */
  public static Object ratings(DelegateExecution execution) {
    Object given = execution.getVariable(PEER_RATINGS);
    return given != null ? given : gathered(execution).get(PEER_RATINGS).toString();
  }

  /** Writes {@code peerRatings} and {@code peerComments}: the statement is approved. */
  public void unseal(DelegateExecution execution) {
    ObjectNode gathered = gathered(execution);
    DelegateExecution opportunity = execution.getProcessInstance();
    opportunity.setVariable(PEER_RATINGS, JsonVariables.value(gathered.get(PEER_RATINGS)));
    opportunity.setVariable(PEER_COMMENTS, JsonVariables.value(gathered.get(PEER_COMMENTS)));
  }

  private static ObjectNode gathered(DelegateExecution execution) {
    ObjectNode ratings = JsonVariables.object(null);
    ObjectNode comments = JsonVariables.object(null);
    for (Answer evaluation : SealedAnswers.of(execution.getProcessInstanceId(), EVALUATION)) {
      ObjectNode given = ratings.putObject(evaluation.person());
      VariableReader.of(evaluation::value).integerMap(RATINGS).forEach(given::put);
      Object comment = evaluation.value(COMMENTS);
      if (comment instanceof String text && !text.isBlank()) {
        comments.put(evaluation.person(), text);
      }
    }
    ObjectNode both = JsonVariables.object(null);
    both.set(PEER_RATINGS, ratings);
    both.set(PEER_COMMENTS, comments);
    return both;
  }
}
