package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.*;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencollab.identity.Department;
import org.opencollab.identity.Groups;
import org.opencollab.identity.Membership;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;

/** The rules of a team: who may be in it and in which role (step {@code FormTeam}). */
final class TeamRules {

  private TeamRules() {}

  /**
   * The team as {@code FormTeam} leaves it: a solution manager from tech unless tech stays out of
   * the negotiation, a delivery manager from delivery, at least two members each once and in their
   * department's group, the account, solution and delivery managers among them; with a task force,
   * a sponsor from the committee and members from sales, tech and delivery (without one, a sponsor
   * is optional but still from the committee, as they rate the team).
   */
  static void check(VariableReader variables, DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Optional<String> solutionManager = variables.optionalString(SOLUTION_MANAGER);
    Object techParticipation = task.getVariable(TECH_PARTICIPATION);
    if (solutionManager.isEmpty() && !TECH_NONE.equals(techParticipation)) {
      throw new InvalidVariableException(
          SOLUTION_MANAGER,
          "is required when techParticipation is " + techParticipation,
          "技术参与（techParticipation）为 " + techParticipation + " 时必填");
    }
    solutionManager.ifPresent(
        user -> requireMember(identity, SOLUTION_MANAGER, user, Department.TECH.groupId()));
    String deliveryManager = variables.requiredString(DELIVERY_MANAGER);
    requireMember(identity, DELIVERY_MANAGER, deliveryManager, Department.DELIVERY.groupId());

    Team team = Team.read(variables);
    Set<String> seen = new HashSet<>();
    for (TeamMember member : team.members()) {
      if (!Department.isCode(member.department())) {
        throw new InvalidVariableException(
            TEAM_MEMBERS,
            "unknown department " + member.department() + " for " + member.userId(),
            member.userId() + " 的部门 " + member.department() + " 不存在");
      }
      if (!seen.add(member.userId())) {
        throw new InvalidVariableException(
            TEAM_MEMBERS,
            member.userId() + " is listed more than once",
            member.userId() + " 被列出了不止一次");
      }
      String group = Department.valueOf(member.department()).groupId();
      if (!Membership.isMember(identity, member.userId(), group)) {
        throw new InvalidVariableException(TEAM_MEMBERS, Rule.notMember(member.userId(), group));
      }
    }
    if (team.members().size() < 2) {
      throw new InvalidVariableException(
          TEAM_MEMBERS,
          new Rule("needs at least two members", "至少需要两名成员").got(team.members().size()));
    }
    requireInTeam(seen, ACCOUNT_MANAGER, (String) task.getVariable(ACCOUNT_MANAGER));
    solutionManager.ifPresent(user -> requireInTeam(seen, SOLUTION_MANAGER, user));
    requireInTeam(seen, DELIVERY_MANAGER, deliveryManager);

    if (!Boolean.TRUE.equals(task.getVariable(TASK_FORCE_REQUIRED))) {
      // A sponsor without a task force rates the team too, so must be one of the committee.
      variables
          .optionalString(EXECUTIVE_SPONSOR)
          .ifPresent(
              sponsor -> requireMember(identity, EXECUTIVE_SPONSOR, sponsor, Groups.COMMITTEE));
    } else {
      requireMember(
          identity,
          EXECUTIVE_SPONSOR,
          variables.requiredString(EXECUTIVE_SPONSOR),
          Groups.COMMITTEE);
      for (Department needed : List.of(Department.SALES, Department.TECH, Department.DELIVERY)) {
        if (!team.departments().contains(needed.name())) {
          throw new InvalidVariableException(
              TEAM_MEMBERS,
              "a task force needs members from SALES, TECH and DELIVERY; " + needed + " is missing",
              "攻坚小组需要来自 SALES、TECH 和 DELIVERY 的成员；缺少 " + needed);
        }
      }
    }
  }

  /** {@code userId}, given as {@code variable}, must be a member of {@code group}. */
  static void requireMember(
      IdentityService identity, String variable, String userId, String group) {
    if (!Membership.isMember(identity, userId, group)) {
      throw new InvalidVariableException(variable, Rule.notMember(userId, group));
    }
  }

  private static void requireInTeam(Set<String> team, String variable, String userId) {
    if (!team.contains(userId)) {
      throw new InvalidVariableException(
          TEAM_MEMBERS,
          "must contain the " + variable + " " + userId,
          "必须包含 " + variable + " " + userId);
    }
  }
}
