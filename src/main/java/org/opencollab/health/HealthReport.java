package org.opencollab.health;

import static org.opencollab.health.HealthFigures.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollab.identity.Department;

/**
 * Writes a health check's report from its {@link HealthFigures} (docs/collaboration-health.md,
 * "What the report holds"): the period, the departments table, the overall figures, the maturity
 * levels decided by DMN {@code maturityLevels}, overall and per department, and the warnings
 * decided by DMN {@code healthWarnings}, each code also named for a person in both languages. The
 * comparison with the last report is {@link ReportComparison}'s.
 */
final class HealthReport {

  /** The report's codes as a person reads them, in both languages (the report's *Name fields). */
  private static final Map<String, String> DIMENSION_NAMES =
      Map.of(
          "INFORMATION_SHARING", "Information sharing / 信息共享",
          "RESOURCE_INTEGRATION", "Resource integration / 资源整合",
          "INNOVATION_OUTPUT", "Innovation output / 创新产出");

  private final DecisionService decisions;
  private final HealthFigures counted;

  HealthReport(DecisionService decisions, HealthFigures counted) {
    this.decisions = decisions;
    this.counted = counted;
  }

  ObjectNode write(Instant from, Instant to) {
    ObjectNode report = JSON.objectNode();
    ObjectNode period = report.putObject("period");
    period.put("from", from.toString());
    period.put("to", to.toString());
    period.put("days", Duration.between(from, to).toDays());
    report.set("departments", departmentTable());
    ObjectNode overall = overall();
    report.set("overall", overall);
    report.set("maturity", maturity(overall));
    report.set("departmentMaturity", departmentMaturity());
    report.set("warnings", new HealthWarnings(decisions, counted).all());
    return report;
  }

  private ArrayNode departmentTable() {
    ArrayNode table = JSON.arrayNode();
    counted.departments.forEach(
        (code, figures) -> {
          ObjectNode row = table.addObject();
          row.put("department", code);
          row.put("departmentName", Department.labelOf(code));
          row.put("tasksCompleted", figures.tasksCompleted);
          row.put("tasksPickedUp", figures.claim.count());
          row.put("tasksWaiting", figures.tasksWaiting);
          row.put("medianClaimHours", figures.claim.medianHours());
          row.put("p90ClaimHours", figures.claim.p90Hours());
          row.put("medianCompletionHours", figures.completion.medianHours());
          row.put("p90CompletionHours", figures.completion.p90Hours());
          row.put("slaTimersFired", figures.slaTimersFired);
          row.put("disputesRaised", figures.disputesRaised);
          row.put("disputesAgainst", figures.disputesAgainst);
          row.put(
              "averagePeerScore",
              figures.peerScores == 0
                  ? null
                  : figures.peerScoreSum.divide(
                      BigDecimal.valueOf(figures.peerScores), 2, RoundingMode.HALF_UP));
        });
    return table;
  }

  private ObjectNode overall() {
    ObjectNode overall = JSON.objectNode();
    int won = counted.delivered + counted.failedInDelivery;
    overall.put("opportunitiesStarted", counted.opportunitiesStarted);
    overall.put("opportunitiesWithTech", counted.opportunitiesWithTech);
    overall.put(
        "techParticipationPercent",
        percent(counted.opportunitiesWithTech, counted.opportunitiesStarted));
    overall.put("won", won);
    overall.put("delivered", counted.delivered);
    overall.put("failedInDelivery", counted.failedInDelivery);
    overall.put("lost", counted.lost);
    overall.put("disqualified", counted.disqualified);
    overall.put("winRatePercent", percent(won, won + counted.lost));
    overall.put("wonWithInnovation", counted.wonWithInnovation);
    overall.put("agreementsSigned", counted.toSignedAgreement.count());
    overall.put("medianHoursToSignedAgreement", counted.toSignedAgreement.medianHours());
    overall.put("disputesRaised", counted.disputesRaised);
    overall.put("disputesSettled", counted.disputesSettled);
    overall.put("medianArbitrationHours", counted.arbitrations.medianHours());
    overall.put("settledByMediation", counted.settledByMediation);
    overall.put("committeeRulings", counted.committeeRulings);
    overall.put("mediationPercent", percent(counted.settledByMediation, counted.disputesSettled));
    overall.put("slaTimersFired", counted.slaTimersFired);
    overall.put("tasksClaimed", counted.tasksClaimed());
    overall.put("tasksClaimedWithinADay", counted.tasksClaimedWithinADay());
    overall.put("customerFeedbackItems", counted.customerFeedbackItems);
    overall.put("customerFeedbackAnswered", counted.feedbackAnswers.count());
    overall.put("medianFeedbackAnswerHours", counted.feedbackAnswers.medianHours());
    return overall;
  }

  private static BigDecimal percent(int part, int whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(100L * part)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /** The three maturity levels of DMN {@code maturityLevels}, each with the figures it reads. */
  private ArrayNode maturity(ObjectNode overall) {
    VariableMap inputs = Variables.createVariables();
    for (String figure :
        List.of(
            "tasksClaimed",
            "tasksClaimedWithinADay",
            "opportunitiesStarted",
            "opportunitiesWithTech",
            "committeeRulings",
            "won",
            "wonWithInnovation")) {
      inputs.putValue(
          figure.equals("won") ? "opportunitiesWon" : figure, overall.get(figure).asInt());
    }
    ArrayNode maturity = JSON.arrayNode();
    levels(inputs, maturity::addObject);
    return maturity;
  }

  /**
   * Each department's three maturity levels, DMN {@code maturityLevels} evaluated with the
   * department's own figures: its offered tasks and how many were picked up within a day, the
   * opportunities of the period whose team it is on (started, with tech, won, won with innovation)
   * and the committee rulings on disputes it raised or was raised against. One row per department
   * and dimension.
   */
  private ArrayNode departmentMaturity() {
    ArrayNode rows = JSON.arrayNode();
    counted.departments.forEach(
        (code, figures) -> {
          VariableMap inputs =
              Variables.createVariables()
                  .putValue("tasksClaimed", figures.claim.count())
                  .putValue(
                      "tasksClaimedWithinADay", figures.claim.countAtMost(HistoryWindow.DAY_MILLIS))
                  .putValue("opportunitiesStarted", figures.opportunitiesStarted)
                  .putValue("opportunitiesWithTech", figures.opportunitiesWithTech)
                  .putValue("committeeRulings", figures.committeeRulings)
                  .putValue("opportunitiesWon", figures.won)
                  .putValue("wonWithInnovation", figures.wonWithInnovation);
          levels(
              inputs,
              () -> {
                ObjectNode row = rows.addObject();
                row.put("department", code);
                row.put("departmentName", Department.labelOf(code));
                return row;
              });
        });
    return rows;
  }

  /** One evaluation of DMN {@code maturityLevels}: a row per dimension from {@code newRow}. */
  private void levels(VariableMap inputs, Supplier<ObjectNode> newRow) {
    Map<String, Integer> levels = new HashMap<>();
    for (DmnDecisionResultEntries row :
        decisions.evaluateDecisionByKey("maturityLevels").variables(inputs).evaluate()) {
      levels.put(row.getEntry("dimension"), ((Number) row.getEntry("level")).intValue());
    }
    addLevel(
        newRow.get(),
        levels,
        "INFORMATION_SHARING",
        inputs,
        "%2$d of %1$d offered tasks picked up within a day" + " / %1$d 个待认领任务中 %2$d 个在一天内被认领",
        "tasksClaimed",
        "tasksClaimedWithinADay");
    addLevel(
        newRow.get(),
        levels,
        "RESOURCE_INTEGRATION",
        inputs,
        "%2$d of %1$d new opportunities with tech; %3$d committee rulings"
            + " / %1$d 个新商机中 %2$d 个有技术部参与；协作会裁决 %3$d 次",
        "opportunitiesStarted",
        "opportunitiesWithTech",
        "committeeRulings");
    addLevel(
        newRow.get(),
        levels,
        "INNOVATION_OUTPUT",
        inputs,
        "%2$d of %1$d won opportunities with a new product or a press release"
            + " / %1$d 个赢单商机中 %2$d 个有新产品或新闻稿",
        "opportunitiesWon",
        "wonWithInnovation");
  }

  private static void addLevel(
      ObjectNode row,
      Map<String, Integer> levels,
      String dimension,
      VariableMap inputs,
      String basisText,
      String... basis) {
    row.put("dimension", dimension);
    row.put("dimensionName", DIMENSION_NAMES.get(dimension));
    row.put("level", levels.get(dimension));
    ObjectNode figures = row.putObject("basis");
    Object[] values = new Object[basis.length];
    for (int index = 0; index < basis.length; index++) {
      values[index] = inputs.get(basis[index]);
      figures.put(basis[index], (Integer) values[index]);
    }
    row.put("basisText", String.format(basisText, values));
  }
}
