package org.opencollab.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.variables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ProcessTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.ProcessCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path of {@code collaborationArbitration} (docs/process-variables.md): mediation, the
 * mediation deadline, committee voting with an early majority, the chair's ruling, the reminder,
 * and the ruling handed back to a calling opportunity or sent to a running one. The class fails
 * unless its tests pass every flow node and sequence flow of the process.
 */
@ProcessTest
class CollaborationArbitrationProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties coverage() {
      return ProcessCoverage.completeCoverageExcluding("opportunityToDelivery");
    }
  }

  @Autowired ProcessEngine engine;
  OpportunityDriver driver;
  String id;
  ProcessInstance opportunity;

  @BeforeEach
  void runningOpportunityWithAnAgreement() {
    BpmnAwareTests.init(engine);
    driver = new OpportunityDriver(engine);
    id = newOpportunityId();
    opportunity = driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
  }

  @Test
  void mediatedRulingReachesTheRunningOpportunity() {
    driver.signAll(id);
    ProcessInstance dispute = raise("RESOURCE_ALLOCATION", 5_000L);
    BpmnAwareTests.assertThat(dispute)
        .hasBusinessKey(id)
        .isWaitingAt("MediateDispute")
        .variables()
        .containsEntry("route", "MEDIATION")
        .containsEntry("mediationDeadline", "P3D")
        .containsEntry("customerTier", "KEY");
    BpmnAwareTests.assertThat(dispute).task().hasCandidateGroup("coordinators");

    driver.complete(
        id,
        "MediateDispute",
        "mediationResolved",
        true,
        "resolution",
        "Tech lends its architect for two sprints",
        "adjustedShares",
        "{\"SALES\": 45, \"TECH\": 35, \"DELIVERY\": 20}");
    driver.runJobs(id);

    BpmnAwareTests.assertThat(dispute)
        .isEnded()
        .hasPassed("ComposeRuling", "EndEvent_RulingDelivered");
    SpinJsonNode ruling = ruling(dispute);
    assertThat(ruling.prop("option").stringValue()).isEqualTo("RESOLVED");
    assertThat(ruling.prop("decidedBy").stringValue()).isEqualTo("MEDIATION");
    assertThat(ruling.prop("text").stringValue())
        .isEqualTo("Tech lends its architect for two sprints");
    assertThat(ruling.prop("decidedAt").stringValue()).isNotBlank();
    assertThat(driver.variable(opportunity, "departmentShares").toString())
        .isEqualTo("{\"SALES\":45,\"TECH\":35,\"DELIVERY\":20}");
    assertThat(((SpinJsonNode) driver.variable(opportunity, "rulings")).elements()).hasSize(1);
  }

  @Test
  void mediationDeadlineSendsTheDisputeToTheCommittee() {
    driver.signAll(id);
    ProcessInstance dispute = raise("RESPONSIBILITY", 0L);
    BpmnAwareTests.assertThat(dispute).variables().containsEntry("mediationDeadline", "P2D");

    driver.fireTimer(id, "Timer_MediationDeadline");

    BpmnAwareTests.assertThat(dispute)
        .hasPassed("Timer_MediationDeadline")
        .hasNotPassed("Gateway_Mediated");
    assertThat(driver.tasks(id, "MediateDispute")).isEmpty();
    vote("frank", "REJECT");
    vote("grace", "REJECT");
    driver.complete(id, "RecordRuling", "rulingText", "Delivery owns the slip");
    driver.runJobs(id);

    SpinJsonNode ruling = ruling(dispute);
    assertThat(ruling.prop("option").stringValue()).isEqualTo("REJECT");
    assertThat(ruling.prop("decidedBy").stringValue()).isEqualTo("COMMITTEE");
    assertThat(ruling.prop("adjustedShares").isNull()).isTrue();
  }

  @Test
  void unresolvedMediationGoesToTheCommitteeAndTheChairRulesWithoutMajority() {
    driver.signAll(id);
    ProcessInstance dispute = raise("PRIORITY", 0L);
    driver.complete(
        id,
        "MediateDispute",
        "mediationResolved",
        false,
        "adjustedShares",
        "{\"SALES\": 40, \"TECH\": 40, \"DELIVERY\": 20}");
    BpmnAwareTests.assertThat(dispute).variables().doesNotContainKey("adjustedShares");

    vote("frank", "UPHOLD");
    vote("grace", "REJECT");
    vote("heidi", "COMPROMISE");
    BpmnAwareTests.assertThat(dispute)
        .isWaitingAt("ChairRuling")
        .task()
        .hasCandidateGroup("committee-chair");
    driver.complete(id, "ChairRuling", "chairOption", "COMPROMISE");
    BpmnAwareTests.assertThat(dispute).task("RecordRuling").hasCandidateGroup("committee-chair");
    driver.complete(
        id,
        "RecordRuling",
        "rulingText",
        "Both priorities, alternating weeks",
        "adjustedShares",
        "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.runJobs(id);

    SpinJsonNode ruling = ruling(dispute);
    assertThat(ruling.prop("option").stringValue()).isEqualTo("COMPROMISE");
    assertThat(ruling.prop("decidedBy").stringValue()).isEqualTo("CHAIR");
    assertThat(ruling.hasProp("votes")).as("who voted what stays with the dispute").isFalse();
    assertThat(ruling.prop("tally").toString())
        .isEqualTo("{\"UPHOLD\":1,\"REJECT\":1,\"COMPROMISE\":1}");
    assertThat(driver.historicVariable(dispute, "votes").toString())
        .contains("\"frank\":{\"vote\":\"UPHOLD\"", "\"heidi\":{\"vote\":\"COMPROMISE\"");
    assertThat(ruling.prop("adjustedShares").prop("TECH").numberValue()).isEqualTo(30);
    assertThat(driver.variable(opportunity, "departmentShares").toString())
        .isEqualTo("{\"SALES\":50,\"TECH\":30,\"DELIVERY\":20}");
  }

  @Test
  void earlyMajorityClosesTheVotingAndCancelsTheRemainingVotes() {
    driver.signAll(id);
    ProcessInstance dispute = raise("DATA_ACCESS", 1_000_000L);
    BpmnAwareTests.assertThat(dispute).variables().containsEntry("route", "COMMITTEE");
    assertThat(driver.tasks(id, "ArbitrationVote"))
        .extracting(Task::getAssignee)
        .containsExactly("frank", "grace", "heidi");

    vote("grace", "UPHOLD");
    assertThat(driver.tasks(id, "ArbitrationVote")).hasSize(2);
    vote("heidi", "UPHOLD");

    assertThat(driver.tasks(id, "ArbitrationVote")).isEmpty();
    HistoricTaskInstance cancelled =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(dispute.getId())
            .taskDefinitionKey("ArbitrationVote")
            .taskAssignee("frank")
            .singleResult();
    assertThat(cancelled.getDeleteReason()).isEqualTo("deleted");
    BpmnAwareTests.assertThat(dispute).isWaitingAt("RecordRuling").hasNotPassed("ChairRuling");
    driver.complete(id, "RecordRuling", "rulingText", "Sales shares the data with tech");
    driver.runJobs(id);
    SpinJsonNode ruling = ruling(dispute);
    assertThat(ruling.prop("option").stringValue()).isEqualTo("UPHOLD");
    assertThat(ruling.prop("decidedBy").stringValue()).isEqualTo("COMMITTEE");
    assertThat(ruling.hasProp("votes")).isFalse();
    assertThat(ruling.prop("tally").toString())
        .isEqualTo("{\"UPHOLD\":2,\"REJECT\":0,\"COMPROMISE\":0}");
    assertThat(driver.historicVariable(dispute, "votes").toString())
        .contains("\"grace\":{\"vote\":\"UPHOLD\"", "\"heidi\":{\"vote\":\"UPHOLD\"")
        .doesNotContain("frank");
  }

  @Test
  void aLateChairRulingIsFollowedUpByACoordinator() {
    driver.signAll(id);
    ProcessInstance dispute = raise("PRIORITY", 0L);
    driver.complete(id, "MediateDispute", "mediationResolved", false);
    vote("frank", "UPHOLD");
    vote("grace", "REJECT");
    vote("heidi", "COMPROMISE");
    assertThat(driver.task(id, "ChairRuling").getDueDate()).isNotNull();

    driver.fireTimer(id, "ChairRuling");

    BpmnAwareTests.assertThat(dispute)
        .hasPassed("RemindLateStep")
        .isWaitingAt("ChairRuling", "FollowUpLateStep");
    assertThat(engine.getTaskService().getVariables(driver.task(id, "FollowUpLateStep").getId()))
        .containsEntry("lateStepName", "Rule as chair / 主席裁决")
        .containsEntry("lateWith", "Committee chair / 协作会主席");
    driver.complete(
        id,
        "FollowUpLateStep",
        "lateStepAction",
        "CONTACTED",
        "lateStepNote",
        "The chair rules tomorrow");
    BpmnAwareTests.assertThat(dispute)
        .hasPassed("EndEvent_LateStepFollowedUp")
        .isWaitingAt("ChairRuling");

    driver.complete(id, "ChairRuling", "chairOption", "COMPROMISE");
    driver.fireTimer(id, "RecordRuling");
    BpmnAwareTests.assertThat(dispute).isWaitingAt("RecordRuling", "FollowUpLateStep");
    driver.complete(id, "RecordRuling", "rulingText", "Both priorities, alternating weeks");
    BpmnAwareTests.assertThat(dispute).hasPassed("EndEvent_LateStepDone");
    assertThat(driver.tasks(id, "FollowUpLateStep")).isEmpty();
  }

  @Test
  void aResourceAllocationRulingChangesTheCommitments() {
    driver.signAll(id);
    raise("PRIORITY", 0L);
    assertThat(driver.tasks(id, "MediateDispute")).hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                driver.complete(
                    id,
                    "MediateDispute",
                    "mediationResolved",
                    true,
                    "resolution",
                    "More people",
                    "adjustedCommitments",
                    SpinValues.jsonValue(COMMITMENTS).create()))
        .hasMessageContaining("only a RESOURCE_ALLOCATION dispute");
    driver.complete(id, "MediateDispute", "mediationResolved", true, "resolution", "Agreed");
    driver.runJobs(id);

    raise("RESOURCE_ALLOCATION", 0L);
    driver.complete(
        id,
        "MediateDispute",
        "mediationResolved",
        true,
        "resolution",
        "Tech lends one more engineer",
        "adjustedCommitments",
        SpinValues.jsonValue(COMMITMENTS).create());
    driver.runJobs(id);

    assertThat(driver.variable(opportunity, "departmentCommitments").toString())
        .isEqualTo(
            "{\"DELIVERY\":{\"days\":30,\"people\":4},\"SALES\":{\"days\":15,\"people\":2},"
                + "\"TECH\":{\"days\":20,\"people\":4}}");
  }

  private static final String COMMITMENTS =
      "{\"DELIVERY\": {\"days\": 30, \"people\": 4}, \"SALES\": {\"days\": 15, \"people\": 2},"
          + " \"TECH\": {\"days\": 20, \"people\": 4}}";

  @Test
  void overdueVotesRemindTheCommittee() {
    driver.signAll(id);
    raise("DATA_ACCESS", 2_000_000L);
    assertThat(driver.tasks(id, "ArbitrationVote"))
        .allSatisfy(task -> assertThat(task.getPriority()).isEqualTo(50));

    driver.fireTimer(id, "Timer_VoteReminder");

    assertThat(driver.tasks(id, "ArbitrationVote"))
        .hasSize(3)
        .allSatisfy(task -> assertThat(task.getPriority()).isEqualTo(60));
  }

  @Test
  void disputeRaisedByTheOpportunityReturnsItsRulingToTheCallActivity() {
    for (Task signOff : driver.tasks(id, "SignCollaborationAgreement")) {
      boolean delivery =
          "DELIVERY".equals(engine.getTaskService().getVariable(signOff.getId(), "department"));
      driver.complete(
          signOff,
          "agreementApproved",
          !delivery,
          "rejectionCategory",
          delivery ? "DATA_ACCESS" : null,
          "rejectionReason",
          delivery ? "Delivery needs the usage data" : null);
    }
    driver.runJobs(id);
    ProcessInstance dispute = calledProcessInstance("collaborationArbitration", opportunity);
    BpmnAwareTests.assertThat(dispute)
        .variables()
        .containsEntry("raisedByDepartment", "DELIVERY")
        .containsEntry("againstDepartment", "SALES")
        .containsEntry("disputeType", "DATA_ACCESS");

    vote("frank", "UPHOLD");
    vote("heidi", "UPHOLD");
    driver.complete(id, "RecordRuling", "rulingText", "Delivery may read usage data");
    driver.runJobs(id);

    BpmnAwareTests.assertThat(dispute)
        .isEnded()
        .hasPassed("EndEvent_RulingReturned")
        .hasNotPassed("EndEvent_RulingDelivered");
    BpmnAwareTests.assertThat(opportunity).isWaitingAt("DesignSolution", "PrepareOffer");
    assertThat(((SpinJsonNode) driver.variable(opportunity, "rulings")).elements())
        .singleElement()
        .satisfies(ruling -> assertThat(ruling.prop("option").stringValue()).isEqualTo("UPHOLD"));
  }

  private ProcessInstance raise(String type, long amountAtStake) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "collaborationArbitration",
            variables(
                "opportunityId",
                id,
                "disputeType",
                type,
                "raisedByDepartment",
                "DELIVERY",
                "againstDepartment",
                "TECH",
                "description",
                "Dispute over " + type,
                "amountAtStake",
                amountAtStake));
  }

  private void vote(String member, String option) {
    Task ballot =
        driver.tasks(id, "ArbitrationVote").stream()
            .filter(task -> member.equals(task.getAssignee()))
            .findFirst()
            .orElseThrow();
    driver.complete(ballot, "vote", option, "voteRationale", member + " weighed both sides");
  }

  private SpinJsonNode ruling(ProcessInstance dispute) {
    return (SpinJsonNode) driver.historicVariable(dispute, "ruling");
  }
}
