package org.opencollab.incentive;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import org.opencollab.opportunity.TeamMember;

/**
 * What the incentive statement is computed from.
 *
 * @param departmentShares integer percentages by department code
 * @param ratings the peers', the sponsor's and the coordinator's ratings of the team
 */
public record IncentiveInput(
    String opportunityId,
    BigDecimal realizedRevenue,
    SortedMap<String, Integer> departmentShares,
    List<TeamMember> teamMembers,
    TeamRatings ratings,
    IncentivePolicy policy) {

  /** An opportunity rated by its peers alone. */
  public IncentiveInput(
      String opportunityId,
      BigDecimal realizedRevenue,
      SortedMap<String, Integer> departmentShares,
      List<TeamMember> teamMembers,
      SortedMap<String, SortedMap<String, Integer>> peerRatings,
      IncentivePolicy policy) {
    this(
        opportunityId,
        realizedRevenue,
        departmentShares,
        teamMembers,
        TeamRatings.peerOnly(peerRatings),
        policy);
  }

  /** The peers' ratings, {@code {rater: {ratee: score}}}. */
  public SortedMap<String, SortedMap<String, Integer>> peerRatings() {
    return ratings.peer();
  }
}
