package org.opencollab.health;

import static org.opencollab.health.HealthFigures.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A report beside the last one (docs/collaboration-health.md, "Since the last report"): each
 * maturity level, overall and per department, with the last report's level and the change, and the
 * last report's warnings with their follow-ups and whether each persists. Plain Json in, Json out,
 * no engine.
 */
final class ReportComparison {

  private static final Map<String, String> CHANGE_NAMES =
      Map.of(
          "UP", "↑ up / 上升",
          "DOWN", "↓ down / 下降",
          "SAME", "= same / 持平");
  private static final String NO_COMPARISON = "– no comparison / 无可比较";

  private ReportComparison() {}

  /** The last check that assessed: its instance, when, its report and its follow-ups. */
  record LastCheck(
      String processInstanceId, String assessedAt, JsonNode report, JsonNode followUps) {}

  /**
   * Adds to {@code report} the comparison with {@code last} (null when there is no earlier report):
   * {@code previousReport}, per maturity row {@code previousLevel}, {@code change} and {@code
   * changeName}, and {@code followUps}.
   */
  static ObjectNode compare(ObjectNode report, LastCheck last) {
    JsonNode before = last == null ? JSON.objectNode() : last.report();
    if (last == null) {
      report.putNull("previousReport");
    } else {
      ObjectNode previous = report.putObject("previousReport");
      previous.put("processInstanceId", last.processInstanceId());
      previous.put("assessedAt", last.assessedAt());
      previous.set("period", before.path("period").deepCopy());
    }
    Map<String, JsonNode> levelsBefore = new HashMap<>();
    before.path("maturity").forEach(row -> levelsBefore.put(key(row), row.path("level")));
    before.path("departmentMaturity").forEach(row -> levelsBefore.put(key(row), row.path("level")));
    report.path("maturity").forEach(row -> changed((ObjectNode) row, levelsBefore.get(key(row))));
    report
        .path("departmentMaturity")
        .forEach(row -> changed((ObjectNode) row, levelsBefore.get(key(row))));
    report.set("followUps", followUps(before, last == null ? null : last.followUps(), report));
    return report;
  }

  private static String key(JsonNode row) {
    return row.path("department").asText("") + "/" + row.path("dimension").asText();
  }

  private static void changed(ObjectNode row, JsonNode before) {
    JsonNode now = row.path("level");
    if (before == null || before.isNull() || before.isMissingNode()) {
      row.putNull("previousLevel");
    } else {
      row.put("previousLevel", before.asInt());
    }
    if (now.isNull() || before == null || before.isNull() || before.isMissingNode()) {
      row.putNull("change");
      row.put("changeName", NO_COMPARISON);
      return;
    }
    int difference = Integer.compare(now.asInt(), before.asInt());
    String change = difference > 0 ? "UP" : difference < 0 ? "DOWN" : "SAME";
    row.put("change", change);
    row.put("changeName", CHANGE_NAMES.get(change));
  }

  /**
   * Each warning of the last report, numbered as there, with its follow-up (or none yet) and
   * whether this report warns of the same thing about the same subject.
   */
  private static ArrayNode followUps(JsonNode before, JsonNode done, JsonNode report) {
    Set<String> warnedNow = new HashSet<>();
    report.path("warnings").forEach(warning -> warnedNow.add(warningKey(warning)));
    Map<Integer, JsonNode> byNumber = new HashMap<>();
    if (done != null) {
      done.forEach(followUp -> byNumber.put(followUp.path("number").asInt(), followUp));
    }
    ArrayNode rows = JSON.arrayNode();
    int number = 0;
    for (JsonNode warning : before.path("warnings")) {
      number++;
      ObjectNode row = rows.addObject();
      row.put("number", number);
      row.put("warning", warning.path("warning").asText());
      row.put("warningName", warning.path("warningName").asText());
      row.put("subjectKind", warning.path("subjectKind").asText());
      row.put("subject", warning.path("subject").asText());
      row.put("subjectName", warning.path("subjectName").asText());
      JsonNode followUp = byNumber.get(number);
      if (followUp == null) {
        row.putNull("followedUpBy");
        row.putNull("action");
        row.put("actionName", "not followed up yet / 尚未跟进");
        row.putNull("note");
        row.putNull("followedUpAt");
      } else {
        row.set("followedUpBy", followUp.path("followedUpBy").deepCopy());
        row.put("action", followUp.path("action").asText());
        row.put("actionName", followUp.path("actionName").asText());
        row.put("note", followUp.path("note").asText());
        row.put("followedUpAt", followUp.path("followedUpAt").asText());
      }
      boolean persists = warnedNow.contains(warningKey(warning));
      row.put("persists", persists);
      row.put("persistsName", persists ? "still warned / 仍在预警" : "no longer warned / 已解除");
    }
    return rows;
  }

  private static String warningKey(JsonNode warning) {
    return warning.path("warning").asText()
        + "/"
        + warning.path("subjectKind").asText()
        + "/"
        + warning.path("subject").asText();
  }
}
