package org.opencollab.health;

import static org.opencollab.health.HealthFigures.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollab.identity.Department;

/**
 * The warnings of a health report (docs/collaboration-health.md, "Warnings"): each measure of each
 * department, person and opportunity is asked of DMN {@code healthWarnings}, and a rule that
 * matches is a warning, with its evidence as figures and as a text in both languages.
 */
final class HealthWarnings {

  private static final Map<String, String> WARNING_NAMES =
      Map.of(
          "SLOW_CLAIM", "Work waits to be picked up / 任务认领迟缓",
          "DISPUTES_AGAINST", "Many disputes against a department / 部门被频繁提出争议",
          "REPEATED_FREE_RIDER", "Repeated free rider / 多次搭便车",
          "SPRINTS_AT_RISK", "Sprints at risk in a row / 连续冲刺有风险");

  private static final Map<String, String> DISPUTE_TYPE_NAMES =
      Map.of(
          "RESOURCE_ALLOCATION", "resource allocation / 资源分配",
          "DATA_ACCESS", "data access / 数据访问",
          "PRIORITY", "priority / 优先级",
          "RESPONSIBILITY", "responsibility / 责任归属",
          "INCENTIVE_SPLIT", "incentive split / 激励分配");

  private final DecisionService decisions;
  private final HealthFigures counted;

  HealthWarnings(DecisionService decisions, HealthFigures counted) {
    this.decisions = decisions;
    this.counted = counted;
  }

  /** Every measure asked of DMN {@code healthWarnings}; a rule that matches is a warning. */
  ArrayNode all() {
    ArrayNode warnings = JSON.arrayNode();
    counted.departments.forEach(
        (code, figures) -> {
          BigDecimal median = figures.claim.medianHours();
          if (median != null) {
            ArrayNode slowest = JSON.arrayNode();
            List<String> slowestText = new ArrayList<>();
            figures.slowestClaims.stream()
                .sorted(Comparator.comparingLong(task -> -task.get("claimMillis").asLong()))
                .forEach(
                    task -> {
                      slowest.add(task.deepCopy().without("claimMillis"));
                      slowestText.add(
                          task.get("task").asText() + " " + task.get("claimHours") + " h");
                    });
            ObjectNode evidence = JSON.objectNode();
            evidence.put("tasksPickedUp", figures.claim.count());
            evidence.set("slowestTasks", slowest);
            warn(
                warnings,
                "department",
                code,
                "medianClaimHours",
                median,
                evidence,
                String.format(
                    "%s picked up %d offered tasks, median %s h; slowest: %s"
                        + " / %s 认领 %d 个任务，中位 %s 小时；最慢：%s",
                    Department.labelOf(code),
                    figures.claim.count(),
                    median,
                    String.join(", ", slowestText),
                    Department.labelOf(code),
                    figures.claim.count(),
                    median,
                    String.join(", ", slowestText)));
          }
          ObjectNode evidence = JSON.objectNode();
          evidence.set("disputes", figures.disputesAgainstEvidence);
          List<String> disputes = new ArrayList<>();
          figures.disputesAgainstEvidence.forEach(
              dispute ->
                  disputes.add(
                      dispute.get("opportunityId").asText()
                          + " "
                          + DISPUTE_TYPE_NAMES.getOrDefault(
                              dispute.get("disputeType").asText(),
                              dispute.get("disputeType").asText())
                          + " ← "
                          + Department.labelOf(dispute.get("raisedBy").asText())));
          warn(
              warnings,
              "department",
              code,
              "disputesAgainst",
              BigDecimal.valueOf(figures.disputesAgainst),
              evidence,
              String.format(
                  "%d disputes against %s / %d 次争议针对%s: %s",
                  figures.disputesAgainst,
                  Department.labelOf(code),
                  figures.disputesAgainst,
                  Department.labelOf(code),
                  String.join("; ", disputes)));
        });
    counted.freeRiderJudgements.forEach(
        (user, judgements) -> {
          ObjectNode evidence = JSON.objectNode();
          evidence.set("opportunities", judgements);
          List<String> where = new ArrayList<>();
          judgements.forEach(
              judgement ->
                  where.add(
                      judgement.get("opportunityId").asText()
                          + " (score / 得分 "
                          + judgement.get("peerScore").asText()
                          + ")"));
          warn(
              warnings,
              "person",
              user,
              "freeRiderJudgements",
              BigDecimal.valueOf(judgements.size()),
              evidence,
              user + " judged a free rider in / 被判定搭便车：" + String.join(", ", where));
        });
    counted.sprintsAtRisk.forEach(
        (opportunity, evidence) -> {
          List<String> sprints = new ArrayList<>();
          evidence.get("sprints").forEach(sprint -> sprints.add(sprint.asText()));
          warn(
              warnings,
              "opportunity",
              opportunity,
              "consecutiveAtRiskSprints",
              BigDecimal.valueOf(sprints.size()),
              evidence,
              "sprints / 冲刺 "
                  + String.join(", ", sprints)
                  + " ("
                  + opportunity
                  + "): at risk in a row / 连续有风险");
        });
    return warnings;
  }

  private void warn(
      ArrayNode warnings,
      String subjectKind,
      String subject,
      String measure,
      BigDecimal value,
      ObjectNode evidence,
      String evidenceText) {
    DmnDecisionResultEntries match =
        decisions
            .evaluateDecisionByKey("healthWarnings")
            .variables(
                Variables.createVariables()
                    .putValue("measure", measure)
                    .putValue("value", value.doubleValue()))
            .evaluate()
            .getFirstResult();
    if (match == null || match.getEntry("warning") == null) {
      return;
    }
    ObjectNode warning = warnings.addObject();
    warning.put("warning", (String) match.getEntry("warning"));
    warning.put("warningName", WARNING_NAMES.get((String) match.getEntry("warning")));
    warning.put("condition", (String) match.getEntry("condition"));
    warning.put("subjectKind", subjectKind);
    warning.put("subject", subject);
    warning.put(
        "subjectName",
        switch (subjectKind) {
          case "department" -> "Department / 部门 " + Department.labelOf(subject);
          case "person" -> "Person / 人员 " + subject;
          default -> "Opportunity / 商机 " + subject;
        });
    warning.put("measure", measure);
    warning.put("value", value);
    warning.put("evidenceText", evidenceText);
    warning.set("evidence", evidence);
  }
}
