package org.opencollab.trust;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opencollab.identity.Department;
import org.opencollab.identity.Groups;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.opportunity.Team;
import org.opencollab.variables.VariableReader;

/**
 * Who may do a step (docs/employees.md, "Who may do what"): the members of its candidate groups,
 * and the members of the group its role comes from. The account manager's tasks belong to sales,
 * the solution manager's to tech, a team member's peer evaluation to that member's department. A
 * task is only ever handed to such a person, so a worker cannot pass the SALES sign-off to
 * marketing.
 */
final class StepRoles {

  /** The group of each role a model assigns a task to, by the assignee expression. */
  private static final Map<String, String> ROLE_GROUPS =
      Map.ofEntries(
          Map.entry("${accountManager}", Department.SALES.groupId()),
          Map.entry("${solutionManager}", Department.TECH.groupId()),
          Map.entry("${deliveryManager}", Department.DELIVERY.groupId()),
          Map.entry("${executiveSponsor}", Groups.COMMITTEE),
          Map.entry("${voter}", Groups.COMMITTEE),
          Map.entry("${committee.chair}", Groups.COMMITTEE_CHAIR));

  private static final String MEMBER_ROLE = "${" + OpportunityVariables.MEMBER + "}";

  private StepRoles() {}

  static Set<String> groupsOf(TaskEntity task) {
    Set<String> groups = new TreeSet<>();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    Expression assignee =
        task.getTaskDefinition() == null ? null : task.getTaskDefinition().getAssigneeExpression();
    if (assignee != null) {
      String role = assignee.getExpressionText().replace(" ", "");
      if (ROLE_GROUPS.containsKey(role)) {
        groups.add(ROLE_GROUPS.get(role));
      } else if (MEMBER_ROLE.equals(role)) {
        memberDepartment(task).ifPresent(groups::add);
      }
    }
    return groups;
  }

  private static java.util.Optional<String> memberDepartment(TaskEntity task) {
    Object member = task.getVariable(OpportunityVariables.MEMBER);
    return Team.read(VariableReader.of(task::getVariable)).members().stream()
        .filter(teamMember -> teamMember.userId().equals(member))
        .findFirst()
        .map(teamMember -> Department.valueOf(teamMember.department()).groupId());
  }
}
