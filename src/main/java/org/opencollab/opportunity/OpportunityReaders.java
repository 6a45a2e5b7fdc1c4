package org.opencollab.opportunity;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opencollab.identity.Groups;
import org.opencollab.identity.Membership;

/**
 * Who reads an opportunity (docs/auditors.md, "Who reads what"): auditors, coordinators, the
 * committee, process owners and administrators read every opportunity; the account, solution and
 * delivery managers, the executive sponsor and every member of its team read their own. The story,
 * the list of opportunities and the @-mentions of a comment all ask here.
 */
public final class OpportunityReaders {

  /** The roles of an opportunity, each a user id variable of its own. */
  public static final List<String> TEAM_ROLES =
      List.of(
          OpportunityVariables.ACCOUNT_MANAGER,
          OpportunityVariables.SOLUTION_MANAGER,
          OpportunityVariables.DELIVERY_MANAGER,
          OpportunityVariables.EXECUTIVE_SPONSOR);

  private OpportunityReaders() {}

  /** Whether {@code userId} reads every opportunity. */
  public static boolean readsAny(IdentityService identity, String userId) {
    return Groups.OVERSIGHT.stream()
        .anyMatch(group -> Membership.isMember(identity, userId, group));
  }

  /** Whether {@code userId} reads {@code opportunity}. */
  public static boolean mayRead(
      ProcessEngineServices engine, String userId, HistoricProcessInstance opportunity) {
    return readsAny(engine.getIdentityService(), userId) || onTheTeam(engine, userId, opportunity);
  }

  /** Whether {@code userId} has a role on {@code opportunity} or is a member of its team. */
  public static boolean onTheTeam(
      ProcessEngineServices engine, String userId, HistoricProcessInstance opportunity) {
    for (String role : TEAM_ROLES) {
      if (userId.equals(
          OpportunityRecords.variable(engine.getHistoryService(), opportunity.getId(), role)
              .orElse(null))) {
        return true;
      }
    }
    return OpportunityRecords.variable(
                    engine.getHistoryService(),
                    opportunity.getId(),
                    OpportunityVariables.TEAM_MEMBER_IDS)
                .orElse(null)
            instanceof Collection<?> ids
        && ids.contains(userId);
  }
}
