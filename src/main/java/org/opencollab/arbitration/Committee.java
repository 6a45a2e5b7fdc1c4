package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.AGAINST_DEPARTMENT;
import static org.opencollab.arbitration.ArbitrationVariables.ELIGIBLE_VOTERS;
import static org.opencollab.arbitration.ArbitrationVariables.OPPORTUNITY_ID;
import static org.opencollab.arbitration.ArbitrationVariables.RAISED_BY_DEPARTMENT;
import static org.opencollab.arbitration.ArbitrationVariables.RECUSALS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.identity.Department;
import org.opencollab.identity.Groups;
import org.opencollab.identity.Membership;
import org.opencollab.opportunity.OpportunityRecords;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.variables.JsonVariables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The executive committee (协作会) as the arbitration model reads it: {@code
 * ${committee.eligibleVoters(execution)}} when the vote opens. No judge in their own case: DMN
 * {@code committeeRecusal} decides for each member whether they stand aside (the opportunity's
 * executive sponsor, a member of its team, a member of a department party to the dispute); the
 * others vote, and with fewer than {@value #MINIMUM_VOTERS} of them nobody votes and the chair
 * rules. Its chair is whoever is in group {@code committee-chair}; the model gives the chair's
 * tasks to that group.
 */
@Component("committee")
public class Committee {

  public static final String RECUSAL_DECISION = "committeeRecusal";

  /** The voters decided as the vote opens, on the vote's own scope, never stored (transient). */
  private static final String DECIDED_VOTERS = "decidedVoters";

  /** Fewer members than this who may vote, and the chair rules instead. */
  public static final int MINIMUM_VOTERS = 2;

  private final IdentityService identity;

  public Committee(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  public List<String> members() {
    return Membership.members(identity, Groups.COMMITTEE);
  }

  /**
   * The members who vote on the dispute of {@code execution}, in user-id order; records them in
   * {@code eligibleVoters} and the others, with the reason they stand aside, in {@code recusals}.
   * Empty when fewer than {@value #MINIMUM_VOTERS} may vote: the vote closes at once, without a
   * majority, and the chair rules.
   */
  @SuppressWarnings("unchecked")
  public List<String> eligibleVoters(DelegateExecution execution) {
    // The engine reads a multi-instance collection once to count, then again for each instance:
    // decide once, and keep the answer for the rest of this transaction only.
    Object known = execution.getVariable(DECIDED_VOTERS);
    if (known instanceof List<?> voters) {
      return (List<String>) voters;
    }
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    String opportunityId = (String) execution.getVariable(OPPORTUNITY_ID);
    String opportunity =
        OpportunityRecords.find(history, opportunityId)
            .orElseThrow(() -> new ProcessEngineException("no opportunity " + opportunityId))
            .getId();
    Object sponsor =
        OpportunityRecords.variable(history, opportunity, OpportunityVariables.EXECUTIVE_SPONSOR)
            .orElse(null);
    Collection<?> team =
        OpportunityRecords.variable(history, opportunity, OpportunityVariables.TEAM_MEMBER_IDS)
            .map(ids -> (Collection<?>) ids)
            .orElse(List.of());
    List<String> parties = new ArrayList<>();
    for (String side : List.of(RAISED_BY_DEPARTMENT, AGAINST_DEPARTMENT)) {
      parties.add(Department.valueOf((String) execution.getVariable(side)).groupId());
    }

    List<String> voters = new ArrayList<>();
    ArrayNode recusals = JsonVariables.array(null);
    for (String member : members()) {
      Map<String, Object> facts = new HashMap<>();
      facts.put("executiveSponsor", member.equals(sponsor));
      facts.put("teamMember", team.contains(member));
      facts.put(
          "partyDepartment",
          parties.stream().anyMatch(group -> Membership.isMember(identity, member, group)));
      DmnDecisionResultEntries decided = recusal(execution, facts);
      if (decided != null && Boolean.TRUE.equals(decided.getEntry("recused"))) {
        recusals.addObject().put("userId", member).put("reason", (String) decided.get("reason"));
      } else {
        voters.add(member);
      }
    }
    List<String> eligible = voters.size() < MINIMUM_VOTERS ? List.of() : voters;
    DelegateExecution dispute = execution.getProcessInstance();
    dispute.setVariable(RECUSALS, JsonVariables.value(recusals));
    dispute.setVariable(ELIGIBLE_VOTERS, new ArrayList<>(eligible));
    execution.setVariableLocal(
        DECIDED_VOTERS, Variables.objectValue(new ArrayList<>(eligible), true).create());
    return eligible;
  }

  private static DmnDecisionResultEntries recusal(
      DelegateExecution execution, Map<String, Object> facts) {
    return WithoutAuthorization.query(
        () ->
            execution
                .getProcessEngineServices()
                .getDecisionService()
                .evaluateDecisionByKey(RECUSAL_DECISION)
                .variables(facts)
                .evaluate()
                .getSingleResult());
  }

  /** The option that more than half of all {@code voters} chose, if any. */
  public static Optional<String> majority(Map<String, String> votes, int voters) {
    Map<String, Integer> counts = new TreeMap<>();
    votes.values().forEach(option -> counts.merge(option, 1, Integer::sum));
    return counts.entrySet().stream()
        .filter(count -> count.getValue() * 2 > voters)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
