package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.COORDINATOR_COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.COORDINATOR_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.COORDINATOR_RATING_STEP;
import static org.opencollab.opportunity.OpportunityVariables.EVALUATION_STEP;
import static org.opencollab.opportunity.OpportunityVariables.EXECUTIVE_SPONSOR;
import static org.opencollab.opportunity.OpportunityVariables.MEMBER;
import static org.opencollab.opportunity.OpportunityVariables.PEER_COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.PROCESS_KEY;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS_UNSEALED;
import static org.opencollab.opportunity.OpportunityVariables.SPONSOR_COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.SPONSOR_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.SPONSOR_RATING_STEP;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedAnswers.Answer;
import org.opencollab.confidential.SealedStep;
import org.opencollab.identity.Groups;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The team's 360-degree evaluation (360度评估): the complete listener of {@code EvaluatePeers} (each
 * member rates the others), {@code RateTeamAsSponsor} (the executive sponsor rates the team) and
 * {@code RateTeamAsCoordinator} (a coordinator rates the team), and the ratings' way out of the
 * seal. Each answer is sealed as it is given ({@link SealedAnswers}): nobody reads, filters or
 * counts the ratings until they are unsealed, not even oversight. The calculations read them sealed
 * ({@link #ratings}); the events <i>Ratings unsealed</i>, when the incentive statement is approved
 * or when the loss statement is recorded in the ledger, gather the peers' into {@code peerRatings}
 * {@code {rater: {ratee: score}}} and {@code peerComments} {@code {rater: "..."}}, and set {@code
 * ratingsUnsealed}, from which oversight reads every rating task's sealed answer in the story
 * ({@code ${peersEvaluated.unseal(execution)}}). The names {@code sponsorRatings}, {@code
 * coordinatorRatings} and their comments are confidential at every door: a process owner may give
 * them to repair a calculation ({@link #ratings}).
 */
@Component("peersEvaluated")
public class PeersEvaluated implements TaskListener {

  /** A member's evaluation of the other members. */
  public static final SealedStep EVALUATION = sealed(EVALUATION_STEP, PEER_RATINGS, PEER_COMMENTS);

  /** The executive sponsor's rating of every member. */
  public static final SealedStep SPONSOR_RATING =
      sealed(SPONSOR_RATING_STEP, SPONSOR_RATINGS, SPONSOR_COMMENTS);

  /** A coordinator's rating of every member. */
  public static final SealedStep COORDINATOR_RATING =
      sealed(COORDINATOR_RATING_STEP, COORDINATOR_RATINGS, COORDINATOR_COMMENTS);

  private static final Map<String, SealedStep> STEPS =
      Map.of(
          EVALUATION_STEP, EVALUATION,
          SPONSOR_RATING_STEP, SPONSOR_RATING,
          COORDINATOR_RATING_STEP, COORDINATOR_RATING);

  private static SealedStep sealed(String step, String ratings, String comments) {
    return new SealedStep(
        PROCESS_KEY,
        step,
        List.of(RATINGS, COMMENTS),
        List.of(ratings, comments),
        RATINGS_UNSEALED,
        false);
  }

  @Bean
  static SealedStep evaluation() {
    return EVALUATION;
  }

  @Bean
  static SealedStep sponsorRating() {
    return SPONSOR_RATING;
  }

  @Bean
  static SealedStep coordinatorRating() {
    return COORDINATOR_RATING;
  }

  @Override
  public void notify(DelegateTask task) {
    SealedStep step = STEPS.get(task.getTaskDefinitionKey());
    SealedAnswers.seal(task, step, rater(task));
  }

  /**
   * Who gives the ratings of {@code task}: the member of a peer evaluation, the executive sponsor
   * (its {@code member}) of the sponsor's rating; for the coordinator's rating the person doing the
   * task (its assignee, else the person completing it), or the group {@code coordinators} when
   * nobody is signed in.
   */
  public static String rater(DelegateTask task) {
    if (EVALUATION_STEP.equals(task.getTaskDefinitionKey())
        || SPONSOR_RATING_STEP.equals(task.getTaskDefinitionKey())) {
      // Personal steps: the member, or the executive sponsor given to its task as member.
      return (String) task.getVariable(MEMBER);
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    // Done without signing in (the engine's own tests): the coordinators' group.
    return Groups.COORDINATORS;
  }

  /** Whether the opportunity has an executive sponsor to rate its team. */
  public boolean hasSponsor(VariableScope execution) {
    return execution.getVariable(EXECUTIVE_SPONSOR) instanceof String sponsor && !sponsor.isBlank();
  }

  /**
   * The ratings of one kind ({@code peerRatings}, {@code sponsorRatings} or {@code
   * coordinatorRatings}) the statements are computed from: the variable when a process owner gave
   * it (a repair), else the sealed answers.
   */
  public static Object ratings(DelegateExecution execution, String kind) {
    Object given = execution.getVariable(kind);
    if (given != null) {
      return given;
    }
    for (SealedStep step : STEPS.values()) {
      if (step.gathered().get(0).equals(kind)) {
        return gathered(execution, step).get(kind).toString();
      }
    }
    throw new IllegalArgumentException("no ratings called " + kind);
  }

  /** The peers' ratings the statements are computed from. */
  public static Object ratings(DelegateExecution execution) {
    return ratings(execution, PEER_RATINGS);
  }

  /**
   * Writes the gathered ratings and comments of every rating step and {@code ratingsUnsealed}: the
   * statement is approved, or the loss recorded.
   */
  public void unseal(DelegateExecution execution) {
    DelegateExecution opportunity = execution.getProcessInstance();
    ObjectNode gathered = gathered(execution, EVALUATION);
    for (String name : EVALUATION.gathered()) {
      opportunity.setVariable(name, JsonVariables.value(gathered.get(name)));
    }
    // The sponsor's and the coordinator's ratings are not gathered into variables: the story
    // hides only the peers' gathered ratings from readers without confidential access, so they
    // stay in their sealed answers, which the story shows oversight once this flag is set.
    opportunity.setVariable(RATINGS_UNSEALED, true);
  }

  private static ObjectNode gathered(DelegateExecution execution, SealedStep step) {
    ObjectNode ratings = JsonVariables.object(null);
    ObjectNode comments = JsonVariables.object(null);
    for (Answer answer : SealedAnswers.of(execution.getProcessInstanceId(), step)) {
      ObjectNode given = ratings.putObject(answer.person());
      VariableReader.of(answer::value).integerMap(RATINGS).forEach(given::put);
      Object comment = answer.value(COMMENTS);
      if (comment instanceof String text && !text.isBlank()) {
        comments.put(answer.person(), text);
      }
    }
    ObjectNode both = JsonVariables.object(null);
    both.set(step.gathered().get(0), ratings);
    both.set(step.gathered().get(1), comments);
    return both;
  }
}
