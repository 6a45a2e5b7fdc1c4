package org.opencollab.identity;

import java.util.Map;
import java.util.Optional;

/**
 * The group each role comes from, by the assignee expression a model gives a task: the account
 * manager's tasks belong to sales, the solution manager's to tech, the delivery manager's to
 * delivery, the executive sponsor's to the committee.
 */
public final class RoleGroups {

  private static final Map<String, String> BY_ASSIGNEE =
      Map.ofEntries(
          Map.entry("${accountManager}", Department.SALES.groupId()),
          Map.entry("${solutionManager}", Department.TECH.groupId()),
          Map.entry("${deliveryManager}", Department.DELIVERY.groupId()),
          Map.entry("${executiveSponsor}", Groups.COMMITTEE),
          Map.entry("${committee.chair}", Groups.COMMITTEE_CHAIR));

  private RoleGroups() {}

  /** The group of the role that {@code assigneeExpression} names, if it names one. */
  public static Optional<String> of(String assigneeExpression) {
    return assigneeExpression == null
        ? Optional.empty()
        : Optional.ofNullable(BY_ASSIGNEE.get(assigneeExpression.replace(" ", "")));
  }
}
