package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.TEAM_MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;

/**
 * An opportunity's task force (商机攻坚小组) as {@code teamMembers} holds it: {@code [{"userId",
 * "department"}]}.
 */
public record Team(List<TeamMember> members) {

  public static Team read(VariableReader variables) {
    JsonNode array = variables.json(TEAM_MEMBERS);
    if (!array.isArray()) {
      throw new InvalidVariableException(
          TEAM_MEMBERS,
          "must be a Json array of {\"userId\", \"department\"}",
          "必须是由 {\"userId\", \"department\"} 组成的 Json 数组");
    }
    List<TeamMember> members = new ArrayList<>();
    for (JsonNode member : array) {
      if (!member.path("userId").isTextual() || !member.path("department").isTextual()) {
        throw new InvalidVariableException(
            TEAM_MEMBERS,
            new Rule(
                    "every member needs a text userId and department",
                    "每位成员都需要文本形式的 userId 和 department")
                .got(member));
      }
      members.add(new TeamMember(member.get("userId").asText(), member.get("department").asText()));
    }
    return new Team(List.copyOf(members));
  }

  public List<String> userIds() {
    return members.stream().map(TeamMember::userId).toList();
  }

  /** The involved departments, sorted by code. */
  public SortedSet<String> departments() {
    return new TreeSet<>(members.stream().map(TeamMember::department).toList());
  }
}
