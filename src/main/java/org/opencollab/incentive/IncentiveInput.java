package org.opencollab.incentive;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import org.opencollab.opportunity.TeamMember;

/**
 * What the incentive statement is computed from.
 *
 * @param departmentShares integer percentages by department code
 * @param peerRatings rater → (ratee → score 1–5)
 */
public record IncentiveInput(
    String opportunityId,
    BigDecimal realizedRevenue,
    SortedMap<String, Integer> departmentShares,
    List<TeamMember> teamMembers,
    SortedMap<String, SortedMap<String, Integer>> peerRatings,
    IncentivePolicy policy) {}
