package org.opencollab.trust.doors;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.identity.RoleGroups;
import org.opencollab.opportunity.OpportunityVariables;

/**
 * Who may do a step (docs/employees.md, "Who may do what"): the members of its candidate groups,
 * and the members of the group its role comes from. The account manager's tasks belong to sales,
 * the solution manager's to tech. A peer evaluation or a committee vote belongs to its one person
 * and goes to nobody else. A task is only ever handed to such a person, so a worker cannot pass the
 * SALES sign-off to marketing, nor a coordinator one member's vote to another.
 */
final class StepRoles {

  /**
   * Steps that belong to one person, by the multi-instance element that names them: a peer
   * evaluation is its rater's, a committee vote its member's. Nobody else may ever do them.
   */
  private static final Map<String, String> PERSONAL_ROLES =
      Map.of(
          "${" + OpportunityVariables.MEMBER + "}", OpportunityVariables.MEMBER,
          "${" + ArbitrationVariables.VOTER + "}", ArbitrationVariables.VOTER);

  private StepRoles() {}

  /** The one person a personal step belongs to, if {@code task} is one. */
  static Optional<String> personOf(TaskEntity task) {
    String variable = PERSONAL_ROLES.get(role(task));
    return variable == null
        ? Optional.empty()
        : Optional.ofNullable((String) task.getVariable(variable));
  }

  /**
   * The person who never does {@code task} although their group may: an opportunity's executive
   * sponsor does not approve its incentives (no judge in their own case).
   */
  static Optional<String> standsAside(TaskEntity task) {
    if (!APPROVE_INCENTIVES.equals(task.getTaskDefinitionKey())) {
      return Optional.empty();
    }
    return Optional.ofNullable((String) task.getVariable(OpportunityVariables.EXECUTIVE_SPONSOR));
  }

  static String whyAside(TaskEntity task, String userId) {
    return userId
        + " may not do "
        + task.getTaskDefinitionKey()
        + ": the opportunity's executive sponsor does not approve its own incentives";
  }

  private static final String APPROVE_INCENTIVES = "ApproveIncentives";

  static Set<String> groupsOf(TaskEntity task) {
    Set<String> groups = new TreeSet<>();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    RoleGroups.of(role(task)).ifPresent(groups::add);
    return groups;
  }

  private static String role(TaskEntity task) {
    Expression assignee =
        task.getTaskDefinition() == null ? null : task.getTaskDefinition().getAssigneeExpression();
    return assignee == null ? "" : assignee.getExpressionText().replace(" ", "");
  }
}
