package org.opencollab.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ProcessTest;
import org.opencollab.support.ProcessCoverage;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code collaborationHealthCheck} over a history with known answers ({@link KnownHistory}): the
 * report gives exactly the figures, maturity levels and warnings that history calls for. Also the
 * monthly timer, the period's limits and the review. The class fails unless its tests pass every
 * flow node and sequence flow of the process.
 */
@ProcessTest
class CollaborationHealthCheckProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties coverage() {
      return ProcessCoverage.completeCoverageExcluding(
          "opportunityToDelivery", "collaborationArbitration");
    }
  }

  /** Reads decimals exactly as written: 3.50 stays 3.50. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  @Autowired ProcessEngine engine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void reportOfAKnownHistory() throws Exception {
    new KnownHistory(engine, "OPP-H" + System.nanoTime() % 100_000).build();
    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK));

    ProcessInstance check = startByHand(Map.of("periodDays", 90));
    BpmnAwareTests.assertThat(check).isWaitingAt("AssessCollaborationHealth");
    runAssessment(check);
    BpmnAwareTests.assertThat(check).isWaitingAt("ReviewHealthReport");
    BpmnAwareTests.assertThat(check).task().hasCandidateGroup("coordinators");
    JsonNode report = report(check);

    assertThat(report.at("/period/from").asText()).isEqualTo("2026-03-03T06:00:00Z");
    assertThat(report.at("/period/to").asText()).isEqualTo("2026-06-01T06:00:00Z");
    assertThat(report.at("/period/days").asInt()).isEqualTo(90);

    assertThat(rows(report.get("departments")))
        .extracting(
            row -> row.get("department").asText(),
            row -> row.get("tasksPickedUp").asInt(),
            row -> decimal(row.get("medianClaimHours")),
            row -> decimal(row.get("p90ClaimHours")),
            row -> row.get("slaTimersFired").asInt(),
            row -> row.get("disputesRaised").asInt(),
            row -> row.get("disputesAgainst").asInt(),
            row -> decimal(row.get("averagePeerScore")))
        .containsExactly(
            tuple("SALES", 7, "1.0", "1.0", 0, 3, 0, "3.50"),
            tuple("TECH", 7, "1.0", "1.0", 1, 0, 3, "4.67"),
            tuple("MARKETING", 1, "1.0", "1.0", 0, 0, 0, null),
            tuple("DELIVERY", 7, "72.0", "72.0", 0, 0, 0, "3.67"),
            tuple("OPERATIONS", 0, null, null, 0, 0, 0, null));
    JsonNode marketing = report.at("/departments/2");
    assertThat(marketing.get("tasksCompleted").asInt()).isEqualTo(1);
    assertThat(decimal(marketing.get("medianCompletionHours"))).isEqualTo("1.0");
    assertThat(report.at("/departments/4/tasksCompleted").asInt()).isZero();
    assertThat(report.findValues("tasksWaiting")).allMatch(waiting -> waiting.asInt() == 0);

    JsonNode overall = report.get("overall");
    assertThat(overall.get("opportunitiesStarted").asInt()).isEqualTo(5);
    assertThat(overall.get("opportunitiesWithTech").asInt()).isEqualTo(4);
    assertThat(decimal(overall.get("techParticipationPercent"))).isEqualTo("80.0");
    assertThat(overall.get("won").asInt()).isEqualTo(2);
    assertThat(overall.get("delivered").asInt()).isEqualTo(2);
    assertThat(overall.get("failedInDelivery").asInt()).isZero();
    assertThat(overall.get("lost").asInt()).isEqualTo(1);
    assertThat(overall.get("disqualified").asInt()).isEqualTo(1);
    assertThat(decimal(overall.get("winRatePercent"))).isEqualTo("66.7");
    assertThat(overall.get("wonWithInnovation").asInt()).isEqualTo(1);
    assertThat(overall.get("agreementsSigned").asInt()).isEqualTo(4);
    assertThat(decimal(overall.get("medianHoursToSignedAgreement"))).isEqualTo("75.0");
    assertThat(overall.get("disputesRaised").asInt()).isEqualTo(3);
    assertThat(overall.get("disputesSettled").asInt()).isEqualTo(2);
    assertThat(decimal(overall.get("medianArbitrationHours"))).isEqualTo("36.0");
    assertThat(overall.get("settledByMediation").asInt()).isEqualTo(2);
    assertThat(overall.get("committeeRulings").asInt()).isZero();
    assertThat(decimal(overall.get("mediationPercent"))).isEqualTo("100.0");
    assertThat(overall.get("slaTimersFired").asInt()).isEqualTo(1);
    assertThat(overall.get("tasksClaimed").asInt()).isEqualTo(22);
    assertThat(overall.get("tasksClaimedWithinADay").asInt()).isEqualTo(16);

    // 16 of 22 tasks within a day: 72.7 % → 4; (4 − 0) of 5 with tech: 80 % → 5; 1 of 2 won: 50 % →
    // 3.
    assertThat(rows(report.get("maturity")))
        .extracting(row -> row.get("dimension").asText(), row -> row.get("level").asInt())
        .containsExactly(
            tuple("INFORMATION_SHARING", 4),
            tuple("RESOURCE_INTEGRATION", 5),
            tuple("INNOVATION_OUTPUT", 3));

    assertThat(report.findValuesAsText("basisText"))
        .containsExactly(
            "16 of 22 offered tasks picked up within a day / 22 个待认领任务中 16 个在一天内被认领",
            "4 of 5 new opportunities with tech; 0 committee rulings"
                + " / 5 个新商机中 4 个有技术部参与；协作会裁决 0 次",
            "1 of 2 won opportunities with a new product or a press release"
                + " / 2 个赢单商机中 1 个有新产品或新闻稿");
    assertThat(report.findValuesAsText("dimensionName"))
        .containsExactly(
            "Information sharing / 信息共享",
            "Resource integration / 资源整合",
            "Innovation output / 创新产出");

    List<JsonNode> warnings = rows(report.get("warnings"));
    assertThat(warnings)
        .extracting(
            row -> row.get("warning").asText(),
            row -> row.get("subject").asText().replaceAll("^OPP-H\\d+-", ""),
            row -> decimal(row.get("value")))
        .containsExactly(
            tuple("DISPUTES_AGAINST", "TECH", "3"),
            tuple("SLOW_CLAIM", "DELIVERY", "72.0"),
            tuple("REPEATED_FREE_RIDER", "sam", "2"),
            tuple("SPRINTS_AT_RISK", "B", "2"));
    assertThat(warnings.get(0).at("/evidence/disputes").findValuesAsText("disputeType"))
        .containsExactlyInAnyOrder("RESOURCE_ALLOCATION", "DATA_ACCESS", "PRIORITY");
    assertThat(warnings.get(1).at("/evidence/slowestTasks").findValuesAsText("task"))
        .hasSize(5)
        .allMatch(
            task ->
                task.startsWith("Sign collaboration agreement / 签署协作协议 — ")
                    || task.startsWith("Report department input / 申报部门投入 — "));
    assertThat(warnings.get(2).at("/evidence/opportunities").findValuesAsText("peerScore"))
        .containsExactly("2.33", "2.33");
    assertThat(warnings.get(3).at("/evidence/sprints").toString()).isEqualTo("[1,2]");
    assertThat(warnings.get(3).get("evidenceText").asText())
        .matches("sprints / 冲刺 1, 2 \\(OPP-H\\d+-B\\): at risk in a row / 连续有风险");
    assertThat(warnings.get(0).get("subjectName").asText())
        .isEqualTo("Department / 部门 Technical / 技术部");
    assertThat(warnings.get(0).get("warningName").asText())
        .isEqualTo("Many disputes against a department / 部门被频繁提出争议");

    engine
        .getTaskService()
        .complete(
            BpmnAwareTests.task(check).getId(),
            Map.of("reviewNotes", "Talk to delivery about sign-off times"));
    BpmnAwareTests.assertThat(check).isEnded().hasPassed("EndEvent_Reviewed");
  }

  @Test
  void theTimerStartsACheckOfTheLastNinetyDays() {
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
            .timers()
            .singleResult();
    assertThat(timer.getDuedate()).isAfter(ClockUtil.getCurrentTime());

    List<String> before = checks();
    engine.getManagementService().executeJob(timer.getId());

    List<String> started = checks();
    started.removeAll(before);
    assertThat(started).hasSize(1);
    ProcessInstance check =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(started.get(0))
            .singleResult();
    BpmnAwareTests.assertThat(check)
        .isWaitingAt("AssessCollaborationHealth")
        .variables()
        .containsEntry("periodDays", 90);
    // The cycle goes on: the next month's timer is there.
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
                .timers()
                .count())
        .isEqualTo(1);
    runAssessment(check);
    Task review = BpmnAwareTests.task(check);
    engine.getTaskService().complete(review.getId());
    BpmnAwareTests.assertThat(check).isEnded();
  }

  @Test
  void aPeriodOutsideSevenTo730DaysIsRefusedAndStartsNothing() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    for (int days : new int[] {6, 731}) {
      assertThatThrownBy(() -> startByHand(Map.of("periodDays", days)))
          .isInstanceOf(InvalidVariableException.class)
          .hasMessageContaining("periodDays");
    }
    assertThatThrownBy(() -> startByHand(Map.of("periodDays", 90, "healthReport", "{}")))
        .hasMessageContaining("healthReport");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);

    ProcessInstance withoutPeriod = startByHand(Map.of());
    BpmnAwareTests.assertThat(withoutPeriod).variables().containsEntry("periodDays", 90);
    ProcessInstance twoYears = startByHand(Map.of("periodDays", 730L));
    BpmnAwareTests.assertThat(twoYears).variables().containsEntry("periodDays", 730);
    engine.getRuntimeService().deleteProcessInstance(withoutPeriod.getId(), "test done");
    engine.getRuntimeService().deleteProcessInstance(twoYears.getId(), "test done");
  }

  private List<String> checks() {
    return new java.util.ArrayList<>(
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList());
  }

  private ProcessInstance startByHand(Map<String, Object> variables) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(HealthCheckVariables.PROCESS_KEY, variables);
  }

  private void runAssessment(ProcessInstance check) {
    Job assessment =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(check.getId())
            .messages()
            .singleResult();
    engine.getManagementService().executeJob(assessment.getId());
  }

  private JsonNode report(ProcessInstance check) throws Exception {
    return JSON.readTree(
        engine.getRuntimeService().getVariable(check.getId(), "healthReport").toString());
  }

  private static List<JsonNode> rows(JsonNode array) {
    List<JsonNode> rows = new java.util.ArrayList<>();
    array.forEach(rows::add);
    return rows;
  }

  private static String decimal(JsonNode value) {
    return value == null || value.isNull() ? null : value.decimalValue().toPlainString();
  }
}
