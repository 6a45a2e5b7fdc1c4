package org.opencollab.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;

/**
 * What each department commits to the opportunity in the collaboration agreement (协作协议, "who
 * commits how many people and days"): {@code {"SALES": {"people": 2, "days": 20}}}, for exactly the
 * involved departments, {@code people} from 1 to {@value #MAX_PEOPLE} and {@code days} (working
 * days each person gives) from 1 to {@value #MAX_DAYS}. Used for {@code departmentCommitments} and
 * a ruling's {@code adjustedCommitments}. At the end the departments' reported input is set against
 * it: committed person-days against reported hours at {@value #HOURS_PER_DAY} hours a day.
 */
public final class DepartmentCommitments {

  public static final int MAX_PEOPLE = 1_000;
  public static final int MAX_DAYS = 3_650;
  public static final int HOURS_PER_DAY = 8;
  static final String PEOPLE = "people";
  static final String DAYS = "days";

  private DepartmentCommitments() {}

  /** Reads and checks the commitments in {@code name} for the {@code involved} departments. */
  public static SortedMap<String, SortedMap<String, Integer>> check(
      VariableReader variables, String name, Set<String> involved) {
    SortedMap<String, SortedMap<String, Integer>> commitments = variables.nestedIntegerMap(name);
    TreeSet<String> departments = new TreeSet<>(involved);
    if (!commitments.keySet().equals(departments)) {
      throw new InvalidVariableException(
          name,
          new Rule(
                  "keys must be exactly the involved departments " + String.join(", ", departments),
                  "键必须恰好是参与的部门：" + String.join(", ", departments))
              .got(String.join(", ", commitments.keySet())));
    }
    commitments.forEach(
        (department, commitment) -> {
          if (!commitment.keySet().equals(Set.of(PEOPLE, DAYS))) {
            throw new InvalidVariableException(
                name,
                new Rule(
                        "each department commits \"people\" and \"days\", nothing else",
                        "每个部门须且只须承诺 \"people\"（人数）和 \"days\"（天数）")
                    .got(department + ": " + String.join(", ", commitment.keySet())));
          }
          within(name, department, PEOPLE, commitment.get(PEOPLE), MAX_PEOPLE, "人数");
          within(name, department, DAYS, commitment.get(DAYS), MAX_DAYS, "天数");
        });
    return commitments;
  }

  private static void within(
      String name, String department, String field, Integer value, int max, String chinese) {
    if (value == null || value < 1 || value > max) {
      throw new InvalidVariableException(
          name,
          new Rule(
                  department + "'s " + field + " must be a whole number from 1 to " + max,
                  department + " 的" + chinese + "必须是 1 到 " + max + " 的整数")
              .got(value));
    }
  }

  /**
   * A statement as Json with, when the opportunity has commitments, their rows set against the
   * reported input ({@link #againstInput}) under {@code commitments}: the statement the committee
   * approves, or the loss statement, says who gave what they promised.
   */
  public static ObjectNode withCommitments(Object statement, Object commitments, Object inputs) {
    ObjectNode json = JsonVariables.object(JsonVariables.write(statement));
    if (commitments != null) {
      json.set(
          "commitments",
          againstInput(JsonVariables.object(commitments), JsonVariables.object(inputs)));
    }
    return json;
  }

  /**
   * The commitments set against the reported input ({@code departmentInputs}, hours and cost per
   * department), one row per department of either: committed people, days and person-days, reported
   * hours and person-days (hours ÷ 8, two places, half up), and the reported person-days as a
   * percentage of the committed ones (one place, half up; null without a commitment).
   */
  public static ArrayNode againstInput(JsonNode commitments, JsonNode inputs) {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    TreeSet<String> departments = new TreeSet<>();
    commitments.fieldNames().forEachRemaining(departments::add);
    inputs.fieldNames().forEachRemaining(departments::add);
    for (String department : departments) {
      JsonNode committed = commitments.path(department);
      ObjectNode row = rows.addObject().put("department", department);
      Integer personDays = null;
      if (committed.isObject()) {
        int people = committed.path(PEOPLE).asInt();
        int days = committed.path(DAYS).asInt();
        personDays = people * days;
        row.put(PEOPLE, people).put(DAYS, days).put("committedPersonDays", personDays);
      }
      JsonNode reported = inputs.path(department).path("hours");
      if (reported.isNumber() || reported.isTextual()) {
        BigDecimal hours = new BigDecimal(reported.asText());
        BigDecimal reportedDays =
            hours.divide(BigDecimal.valueOf(HOURS_PER_DAY), 2, RoundingMode.HALF_UP);
        row.put("reportedHours", hours).put("reportedPersonDays", reportedDays);
        if (personDays != null) {
          row.put(
              "percentOfCommitment",
              reportedDays
                  .multiply(BigDecimal.valueOf(100))
                  .divide(BigDecimal.valueOf(personDays), 1, RoundingMode.HALF_UP));
        }
      }
    }
    return rows;
  }
}
