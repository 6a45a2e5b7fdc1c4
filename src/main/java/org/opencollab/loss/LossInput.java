package org.opencollab.loss;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import org.opencollab.incentive.IncentivePolicy;
import org.opencollab.incentive.TeamRatings;
import org.opencollab.opportunity.TeamMember;

/**
 * What the loss statement is computed from; the involved departments are the keys of the shares.
 * The team, its ratings and the policy are absent ({@code teamMembers} empty, the others null) for
 * an opportunity whose model version rated nobody on a loss: its statement has no members.
 */
public record LossInput(
    String opportunityId,
    BigDecimal lossAmount,
    SortedMap<String, Integer> departmentShares,
    SortedMap<String, DepartmentInput> departmentInputs,
    List<TeamMember> teamMembers,
    TeamRatings ratings,
    IncentivePolicy policy) {

  /** A loss without the team's ratings. */
  public LossInput(
      String opportunityId,
      BigDecimal lossAmount,
      SortedMap<String, Integer> departmentShares,
      SortedMap<String, DepartmentInput> departmentInputs) {
    this(opportunityId, lossAmount, departmentShares, departmentInputs, List.of(), null, null);
  }

  boolean rated() {
    return !teamMembers.isEmpty();
  }
}
