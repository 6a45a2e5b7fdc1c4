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
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.ProcessCoverage;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code collaborationHealthCheck} over a history with known answers ({@link KnownHistory}): the
 * report gives exactly the figures, maturity levels (overall and per department) and warnings that
 * history calls for; each warning opens one follow-up, and the next report shows the follow-ups and
 * the change of every level. Also the weekly timer, the period's limits, the review and the
 * follow-up's rules. The class fails unless its tests pass every flow node and sequence flow of the
 * process.
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

  /**
   * The known history, built once for the class: the tests' checks run at different times after it
   * (the report at {@link KnownHistory#CHECK}, the others later), so none is another's previous
   * check by accident.
   */
  private static boolean knownHistoryBuilt;

  private void knownHistory() {
    if (!knownHistoryBuilt) {
      new KnownHistory(engine, "OPP-H" + System.nanoTime() % 100_000).build();
      knownHistoryBuilt = true;
    }
  }

  @Test
  void reportOfAKnownHistory() throws Exception {
    knownHistory();
    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK));

    ProcessInstance check = startByHand(Map.of("periodDays", 90));
    BpmnAwareTests.assertThat(check).isWaitingAt("AssessCollaborationHealth");
    runAssessment(check);
    BpmnAwareTests.assertThat(check).isWaitingAt("NotifyHealthWarnings");
    runAssessment(check);
    BpmnAwareTests.assertThat(check).isWaitingAt("ReviewHealthReport", "FollowUpHealthWarning");
    BpmnAwareTests.assertThat(check)
        .task(BpmnAwareTests.taskQuery().taskDefinitionKey("ReviewHealthReport"))
        .hasCandidateGroup("coordinators");
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
            tuple("SALES", 8, "1.0", "1.0", 0, 3, 0, "3.50"),
            tuple("TECH", 8, "1.0", "1.0", 1, 0, 3, "4.67"),
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
    assertThat(overall.get("tasksClaimed").asInt()).isEqualTo(24);
    assertThat(overall.get("tasksClaimedWithinADay").asInt()).isEqualTo(18);

    // 18 of 24 tasks within a day: 75.0 % → 4; (4 − 0) of 5 with tech: 80 % → 5; 1 of 2 won: 50 % →
    // 3.
    assertThat(rows(report.get("maturity")))
        .extracting(row -> row.get("dimension").asText(), row -> row.get("level").asInt())
        .containsExactly(
            tuple("INFORMATION_SHARING", 4),
            tuple("RESOURCE_INTEGRATION", 5),
            tuple("INNOVATION_OUTPUT", 3));

    assertThat(report.get("maturity").findValuesAsText("basisText"))
        .containsExactly(
            "18 of 24 offered tasks picked up within a day / 24 个待认领任务中 18 个在一天内被认领",
            "4 of 5 new opportunities with tech; 0 committee rulings"
                + " / 5 个新商机中 4 个有技术部参与；协作会裁决 0 次",
            "1 of 2 won opportunities with a new product or a press release"
                + " / 2 个赢单商机中 1 个有新产品或新闻稿");
    assertThat(report.get("maturity").findValuesAsText("dimensionName"))
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
            tuple("REPEATED_FREE_RIDER", "sam", "3"),
            tuple("SPRINTS_AT_RISK", "B", "2"));
    assertThat(warnings.get(0).at("/evidence/disputes").findValuesAsText("disputeType"))
        .containsExactlyInAnyOrder("RESOURCE_ALLOCATION", "DATA_ACCESS", "PRIORITY");
    assertThat(warnings.get(1).at("/evidence/slowestTasks").findValuesAsText("task"))
        .hasSize(5)
        .allMatch(
            task ->
                task.startsWith("Sign collaboration agreement / 签署协作协议 — ")
                    || task.startsWith("Report department input / 申报部门投入 — "));
    // Free riders are judged on a loss too: C was lost, and its loss statement names sam.
    assertThat(warnings.get(2).at("/evidence/opportunities").findValuesAsText("opportunityId"))
        .extracting(id -> id.replaceAll("^OPP-H\\d+-", ""))
        .containsExactly("A", "B", "C");
    assertThat(warnings.get(2).at("/evidence/opportunities").findValuesAsText("peerScore"))
        .containsExactly("2.33", "2.33", "2.33");
    assertThat(warnings.get(3).at("/evidence/sprints").toString()).isEqualTo("[1,2]");
    assertThat(warnings.get(3).get("evidenceText").asText())
        .matches("sprints / 冲刺 1, 2 \\(OPP-H\\d+-B\\): at risk in a row / 连续有风险");
    assertThat(warnings.get(0).get("subjectName").asText())
        .isEqualTo("Department / 部门 Technical / 技术部");
    assertThat(warnings.get(0).get("warningName").asText())
        .isEqualTo("Many disputes against a department / 部门被频繁提出争议");

    assertThat(rows(report.get("departmentMaturity")))
        .extracting(
            row -> row.get("department").asText(),
            row -> row.get("dimension").asText(),
            row -> row.get("level").isNull() ? null : row.get("level").asInt())
        .containsExactly(
            tuple("SALES", "INFORMATION_SHARING", 5),
            tuple("SALES", "RESOURCE_INTEGRATION", 5),
            tuple("SALES", "INNOVATION_OUTPUT", 3),
            tuple("TECH", "INFORMATION_SHARING", 5),
            tuple("TECH", "RESOURCE_INTEGRATION", 5),
            tuple("TECH", "INNOVATION_OUTPUT", 3),
            tuple("MARKETING", "INFORMATION_SHARING", 5),
            tuple("MARKETING", "RESOURCE_INTEGRATION", null),
            tuple("MARKETING", "INNOVATION_OUTPUT", null),
            tuple("DELIVERY", "INFORMATION_SHARING", 1),
            tuple("DELIVERY", "RESOURCE_INTEGRATION", 5),
            tuple("DELIVERY", "INNOVATION_OUTPUT", 3),
            tuple("OPERATIONS", "INFORMATION_SHARING", null),
            tuple("OPERATIONS", "RESOURCE_INTEGRATION", null),
            tuple("OPERATIONS", "INNOVATION_OUTPUT", null));
    assertThat(report.at("/departmentMaturity/9/basisText").asText())
        .isEqualTo("1 of 7 offered tasks picked up within a day / 7 个待认领任务中 1 个在一天内被认领");
    assertThat(report.get("previousReport").isNull()).isTrue();
    assertThat(report.get("followUps")).isEmpty();
    assertThat(report.findValuesAsText("changeName")).containsOnly("– no comparison / 无可比较");

    // One follow-up per warning, in parallel, for the coordinators, showing the warning.
    List<Task> followUps = followUps(check);
    assertThat(followUps).hasSize(4);
    assertThat(followUps)
        .allSatisfy(
            task ->
                assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                    .anyMatch(link -> "coordinators".equals(link.getGroupId())));
    assertThat(
            followUps.stream()
                .map(task -> engine.getTaskService().getVariable(task.getId(), "warningName")))
        .containsExactlyInAnyOrder(
            "Many disputes against a department / 部门被频繁提出争议",
            "Work waits to be picked up / 任务认领迟缓",
            "Repeated free rider / 多次搭便车",
            "Sprints at risk in a row / 连续冲刺有风险");

    engine
        .getTaskService()
        .complete(
            reviewTask(check).getId(),
            Map.of("reviewNotes", "Talk to delivery about sign-off times"));
    BpmnAwareTests.assertThat(check).isWaitingAt("FollowUpHealthWarning");
    for (Task followUp : followUps) {
      completeFollowUp(followUp, "CONTACTED_DEPARTMENT", "Talked to the department head");
    }
    BpmnAwareTests.assertThat(check).isEnded().hasPassed("EndEvent_Reviewed");
    assertThat(
            JSON.readTree(
                    engine
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(check.getId())
                        .variableName("warningFollowUps")
                        .singleResult()
                        .getValue()
                        .toString())
                .findValuesAsText("followedUpBy"))
        .containsOnly("erin")
        .hasSize(4);
  }

  @Test
  void theNextReportShowsTheFollowUpsAndTheChangeOfEveryLevel() throws Exception {
    knownHistory();
    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK.plus(java.time.Duration.ofDays(1))));
    ProcessInstance first = startByHand(Map.of("periodDays", 90));
    runJobs(first);
    Map<String, Task> byWarning = new java.util.HashMap<>();
    for (Task task : followUps(first)) {
      byWarning.put(
          JSON.readTree(
                  engine.getTaskService().getVariable(task.getId(), "healthWarning").toString())
              .get("warning")
              .asText(),
          task);
    }
    completeFollowUp(
        byWarning.get("DISPUTES_AGAINST"), "ESCALATED_TO_COMMITTEE", "Tech and sales meet weekly");
    completeFollowUp(
        byWarning.get("SLOW_CLAIM"), "CHANGED_PROCESS", "Delivery signs within a day now");
    // The other two are not followed up before the next check.

    // A week later, over the 40 days since 30 April: only E and its disputes fall in the period.
    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK.plus(java.time.Duration.ofDays(8))));
    ProcessInstance second = startByHand(Map.of("periodDays", 40));
    runJobs(second);
    JsonNode report = report(second);

    assertThat(report.at("/previousReport/processInstanceId").asText()).isEqualTo(first.getId());
    assertThat(rows(report.get("followUps")))
        .extracting(
            row -> row.get("warning").asText(),
            row -> row.get("followedUpBy").isNull() ? null : row.get("followedUpBy").asText(),
            row -> row.get("actionName").asText(),
            row -> row.get("note").isNull() ? null : row.get("note").asText(),
            row -> row.get("persists").asBoolean())
        .containsExactly(
            tuple(
                "DISPUTES_AGAINST",
                "erin",
                "Escalated to the committee / 已上报协作会",
                "Tech and sales meet weekly",
                true),
            tuple(
                "SLOW_CLAIM",
                "erin",
                "Changed the way of working / 已调整流程",
                "Delivery signs within a day now",
                false),
            tuple("REPEATED_FREE_RIDER", null, "not followed up yet / 尚未跟进", null, false),
            tuple("SPRINTS_AT_RISK", null, "not followed up yet / 尚未跟进", null, false));
    assertThat(report.at("/followUps/0/persistsName").asText()).isEqualTo("still warned / 仍在预警");
    assertThat(report.at("/followUps/1/subjectName").asText())
        .isEqualTo("Department / 部门 Delivery / 交付部");

    // Overall: 3 of 3 picked up within a day (5, was 4); E with tech (5, was 5); nothing won.
    assertThat(rows(report.get("maturity")))
        .extracting(
            row -> row.get("dimension").asText(),
            row -> row.get("level").isNull() ? null : row.get("level").asInt(),
            row -> row.get("previousLevel").asInt(),
            row -> row.get("change").isNull() ? null : row.get("change").asText(),
            row -> row.get("changeName").asText())
        .containsExactly(
            tuple("INFORMATION_SHARING", 5, 4, "UP", "↑ up / 上升"),
            tuple("RESOURCE_INTEGRATION", 5, 5, "SAME", "= same / 持平"),
            tuple("INNOVATION_OUTPUT", null, 3, null, "– no comparison / 无可比较"));
    // DELIVERY signed E's agreement within the hour: from 1 of 7 (level 1) to 1 of 1 (level 5).
    JsonNode delivery = report.at("/departmentMaturity/9");
    assertThat(delivery.get("department").asText()).isEqualTo("DELIVERY");
    assertThat(delivery.get("dimension").asText()).isEqualTo("INFORMATION_SHARING");
    assertThat(delivery.get("level").asInt()).isEqualTo(5);
    assertThat(delivery.get("previousLevel").asInt()).isEqualTo(1);
    assertThat(delivery.get("change").asText()).isEqualTo("UP");

    for (ProcessInstance check : List.of(first, second)) {
      engine.getRuntimeService().deleteProcessInstance(check.getId(), "test done");
    }
  }

  @Test
  void aFollowUpTakesAnActionOfTheListAndANoteAndNothingElse() throws Exception {
    knownHistory();
    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK.plus(java.time.Duration.ofDays(20))));
    ProcessInstance check = startByHand(Map.of("periodDays", 90));
    runJobs(check);
    Task followUp = followUps(check).get(0);

    assertThatThrownBy(() -> completeFollowUp(followUp, "SHRUGGED", "Nothing to do"))
        .hasMessageContaining("warningAction: must be one of");
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(followUp.getId(), Map.of("warningAction", "NO_ACTION_NEEDED")))
        .hasMessageContaining("warningNote");
    assertThatThrownBy(() -> completeFollowUp(followUp, "NO_ACTION_NEEDED", "x".repeat(4001)))
        .hasMessageContaining("warningNote");
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        followUp.getId(),
                        Map.of(
                            "warningAction",
                            "NO_ACTION_NEEDED",
                            "warningNote",
                            "Fine",
                            "reviewNotes",
                            "Not this step's")))
        .hasMessageContaining("reviewNotes");
    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).count())
        .isEqualTo(1);
    completeFollowUp(followUp, "NO_ACTION_NEEDED", "x".repeat(4000));
    engine.getRuntimeService().deleteProcessInstance(check.getId(), "test done");
  }

  @Test
  void lateStepsCountForTheirDepartmentAndCustomerFeedbackIsCountedWithItsAnswer()
      throws Exception {
    java.time.Instant day = java.time.Instant.parse("2030-06-03T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(day));
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    driver.fireTimer(id, "QualifyOpportunity");
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.signAll(id);
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
    driver.complete(id, "PlanDelivery", "sprintCount", 1);
    driver.complete(
        id, "ReviewSprint", "sprintStatus", "ON_TRACK", "customerFeedback", "A report in English");
    ClockUtil.setCurrentTime(Date.from(day.plus(java.time.Duration.ofHours(5))));
    driver.complete(
        id,
        "AnswerCustomerFeedback",
        "feedbackDecision",
        "IMPROVE_PRODUCT",
        "feedbackAnswer",
        "In the next release");
    driver.complete(
        id,
        "AcceptDelivery",
        "accepted",
        true,
        "realizedRevenue",
        2_000_000L,
        "customerFeedback",
        "Monthly export please");

    ClockUtil.setCurrentTime(Date.from(day.plus(java.time.Duration.ofDays(1))));
    ProcessInstance check = startByHand(Map.of("periodDays", 7));
    runJobs(check);
    JsonNode report = report(check);

    JsonNode overall = report.get("overall");
    assertThat(overall.get("customerFeedbackItems").asInt()).isEqualTo(2);
    assertThat(overall.get("customerFeedbackAnswered").asInt()).isEqualTo(1);
    assertThat(decimal(overall.get("medianFeedbackAnswerHours"))).isEqualTo("5.0");
    assertThat(rows(report.get("departments")))
        .filteredOn(row -> "SALES".equals(row.get("department").asText()))
        .singleElement()
        .satisfies(row -> assertThat(row.get("slaTimersFired").asInt()).isEqualTo(1));
  }

  @Test
  void theWeeklyTimerStartsACheckOfTheLastNinetyDays() {
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
    assertThat(
            timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY);
    // The cycle goes on: the next week's timer is there.
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
                .timers()
                .count())
        .isEqualTo(1);
    runJobs(check);
    engine.getTaskService().complete(reviewTask(check).getId());
    for (Task followUp : followUps(check)) {
      completeFollowUp(followUp, "NO_ACTION_NEEDED", "Checked");
    }
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

  /** Runs the check's asynchronous steps (assessment, warnings) until none is left. */
  private void runJobs(ProcessInstance check) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(check.getId())
              .messages()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private Task reviewTask(ProcessInstance check) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(check.getId())
        .taskDefinitionKey("ReviewHealthReport")
        .singleResult();
  }

  private List<Task> followUps(ProcessInstance check) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(check.getId())
        .taskDefinitionKey("FollowUpHealthWarning")
        .list();
  }

  /** Completes a follow-up as erin, a coordinator, who need not claim it first. */
  private void completeFollowUp(Task followUp, String action, String note) {
    engine.getIdentityService().setAuthentication("erin", List.of("coordinators"));
    try {
      engine
          .getTaskService()
          .complete(followUp.getId(), Map.of("warningAction", action, "warningNote", note));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
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
