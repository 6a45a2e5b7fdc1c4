package org.opencollab.opportunity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.smallDeal;
import static org.opencollab.support.OpportunityDriver.strategicAccount;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
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
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.ProcessCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path of {@code opportunityToDelivery} (docs/process-variables.md), worked as the demo users
 * would. The class fails unless its tests pass every flow node and sequence flow of the process.
 */
@ProcessTest
class OpportunityToDeliveryProcessTest {

  private static final String WORKED_EXAMPLE_SHARES =
      "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}";
  private static final Map<String, int[]> INPUTS =
      Map.of(
          "SALES",
          new int[] {120, 30000},
          "TECH",
          new int[] {300, 90000},
          "DELIVERY",
          new int[] {80, 20000});

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties coverage() {
      return ProcessCoverage.completeCoverageExcluding("collaborationArbitration");
    }
  }

  @Autowired ProcessEngine engine;
  OpportunityDriver driver;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new OpportunityDriver(engine);
  }

  @Test
  void opportunityNotQualifiedEndsDisqualified() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(keyAccount(id));

    assertThat(opportunity)
        .hasBusinessKey(id)
        .isWaitingAt("QualifyOpportunity")
        .task()
        .isAssignedTo("alice");
    assertThat(opportunity)
        .variables()
        .containsEntry("priority", "B")
        .containsEntry("taskForceRequired", false)
        .containsEntry("pressReleaseRequired", false)
        .containsEntry("techParticipation", "MANDATORY")
        .containsKey("techParticipationReason")
        .doesNotContainKeys("triage", "serviceLevelsDecision", "techDecision");
    assertThat(opportunity).hasPassed("DetermineTriage", "DetermineServiceLevels");
    Assertions.assertThat(driver.variable(opportunity, "serviceLevels").toString())
        .as("priority B's row of DMN serviceLevels, kept as the models read it")
        .contains("\"techResponse\":\"P5D\"", "\"taskPriority\":50");

    driver.complete(
        id, "QualifyOpportunity", "qualified", false, "qualificationNotes", "No budget this year");

    assertThat(opportunity).isEnded().hasPassed("EndEvent_Disqualified").hasNotPassed("FormTeam");
    Assertions.assertThat(driver.historicVariable(opportunity, "finalOutcome"))
        .isEqualTo("DISQUALIFIED");
  }

  @Test
  void crmReportsAnOpportunityByMessage() {
    String id = newOpportunityId();
    engine
        .getRuntimeService()
        .createMessageCorrelation("OpportunityIdentified")
        .setVariables(keyAccount(id))
        .correlateStartMessage();

    ProcessInstance opportunity =
        processInstanceQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(opportunity)
        .hasPassed("StartEvent_OpportunityIdentifiedMessage")
        .isWaitingAt("QualifyOpportunity");
  }

  @Test
  void deliveredOpportunityPaysTheIncentivesOfTheWorkedExample() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);

    assertThat(opportunity)
        .hasNotPassed("ApproveBid", "DraftPressRelease")
        .isWaitingAt("DesignSolution", "PrepareOffer");
    assertThat(opportunity).task("DesignSolution").isAssignedTo("bob");
    driver.designAndOffer(id);
    assertThat(opportunity).isWaitingAt("NegotiateDeal", "SupportNegotiation");
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
    assertThat(opportunity).task("PlanDelivery").isAssignedTo("carol");
    driver.deliver(id, 2);
    driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.reportInputs(id, INPUTS);
    Assertions.assertThat(driver.variable(opportunity, "departmentInputs").toString())
        .contains(
            "\"SALES\":{\"hours\":120,\"cost\":30000.00}",
            "\"TECH\":{\"hours\":300,\"cost\":90000.00}",
            "\"DELIVERY\":{\"hours\":80,\"cost\":20000.00}");
    List<Task> evaluations = driver.tasks(id, "EvaluatePeers");
    Assertions.assertThat(evaluations)
        .extracting(Task::getAssignee)
        .containsExactly("alice", "bob", "carol", "sam");
    assertThat(opportunity).task("RateTeamAsCoordinator").hasCandidateGroup("coordinators");
    driver.evaluateWorkedExamplePeers(id);
    assertThat(opportunity).isWaitingAt("RateTeamAsCoordinator").hasNotPassed("RateTeamAsSponsor");
    driver.rateWorkedExampleTeamAsCoordinator(id);

    assertThat(opportunity).isWaitingAt("CalculateIncentives");
    driver.runJobs(id);
    SpinJsonNode statement = (SpinJsonNode) driver.variable(opportunity, "incentiveStatement");
    Assertions.assertThat(statement.prop("bonusPool").stringValue()).isEqualTo("40000.00");
    Assertions.assertThat(bonuses(statement))
        .containsExactly("alice=20000.00", "bob=14000.00", "carol=6000.00", "sam=0.00");
    // 360°: peers 0.6 and coordinator 0.2 of DMN incentivePolicy, renormalised to 0.75 and 0.25.
    Assertions.assertThat(figures(statement, "score"))
        .containsExactly("alice=4.75", "bob=4.75", "carol=3.75", "sam=2.25");
    Assertions.assertThat(figures(statement, "promotionPoints"))
        .containsExactly("alice=14", "bob=14", "carol=2", "sam=0");
    // The commitments of the agreement against the reported hours, 8 hours a person-day.
    Assertions.assertThat(statement.prop("commitments").toString())
        .isEqualTo(
            "[{\"department\":\"DELIVERY\",\"people\":4,\"days\":30,\"committedPersonDays\":120,"
                + "\"reportedHours\":80,\"reportedPersonDays\":10.00,\"percentOfCommitment\":8.3},"
                + "{\"department\":\"SALES\",\"people\":2,\"days\":15,\"committedPersonDays\":30,"
                + "\"reportedHours\":120,\"reportedPersonDays\":15.00,\"percentOfCommitment\":50.0},"
                + "{\"department\":\"TECH\",\"people\":3,\"days\":20,\"committedPersonDays\":60,"
                + "\"reportedHours\":300,\"reportedPersonDays\":37.50,\"percentOfCommitment\":62.5}]");
    assertThat(opportunity).task("ApproveIncentives").hasCandidateGroup("committee");
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);

    assertThat(opportunity)
        .isEnded()
        .hasPassed(
            "Event_RatingsUnsealed",
            "RecordIncentivesInLedger",
            "EndEvent_IncentivesApproved",
            "EndEvent_Delivered");
    Assertions.assertThat(driver.historicVariable(opportunity, "finalOutcome"))
        .isEqualTo("DELIVERED");
  }

  @Test
  void dealLostAfterNegotiationSharesTheLossByInputHours() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(smallDeal(id));
    assertThat(opportunity)
        .variables()
        .containsEntry("techParticipation", "NONE")
        .containsEntry("priority", "C");
    driver.qualify(id);
    driver.formTeamWithoutTech(id);
    driver.draftAgreement(id, "{\"SALES\": 60, \"DELIVERY\": 40}");
    driver.signAll(id);

    assertThat(opportunity).isWaitingAt("PrepareOffer").hasNotPassed("DesignSolution");
    driver.complete(id, "PrepareOffer", "offerValue", 99_000.50);
    assertThat(opportunity).isWaitingAt("NegotiateDeal");
    driver.negotiate(id, "LOST");
    assertThat(opportunity).hasNotPassed("SupportNegotiation");
    driver.reportInputs(
        id, Map.of("SALES", new int[] {30, 6000}, "DELIVERY", new int[] {10, 2000}));
    assertThat(opportunity).isWaitingAt("EvaluatePeers", "RateTeamAsCoordinator");
    driver.evaluatePeers(id, Map.of("alice", "{\"carol\": 4}", "carol", "{\"alice\": 5}"));
    driver.play(id, WorkedOpportunity.rateTeamAsCoordinator("{\"alice\": 4, \"carol\": 5}"));
    Assertions.assertThat(driver.variable(opportunity, "peerRatings")).isNull();
    driver.complete(id, "RecordLoss", "lossAmount", 10_000L, "lossNotes", "Pre-sales effort");
    driver.runJobs(id);

    SpinJsonNode loss = (SpinJsonNode) driver.variable(opportunity, "lossStatement");
    Assertions.assertThat(loss.prop("commitments").elements()).hasSize(2);
    Assertions.assertThat(loss.prop("basis").stringValue()).isEqualTo("INPUT_HOURS");
    Assertions.assertThat(loss.prop("departments").elements())
        .extracting(
            department ->
                department.prop("department").stringValue()
                    + "="
                    + department.prop("loss").stringValue())
        .containsExactly("DELIVERY=2500.00", "SALES=7500.00");
    // Rated on the loss too: each supported the other's department (its rating ≥ 4), 2 points.
    Assertions.assertThat(figures(loss, "score")).containsExactly("alice=4.75", "carol=4.25");
    Assertions.assertThat(figures(loss, "freeRider")).containsExactly("alice=false", "carol=false");
    Assertions.assertThat(figures(loss, "promotionPoints")).containsExactly("alice=2", "carol=2");
    assertThat(opportunity)
        .hasPassed("Event_LossRatingsUnsealed")
        .variables()
        .containsEntry("ratingsUnsealed", true)
        .containsKey("peerRatings")
        .doesNotContainKey("coordinatorRatings");
    driver.complete(id, "HoldRetrospective", "lessonsLearned", "Qualify budget earlier");

    assertThat(opportunity).isEnded().hasPassed("EndEvent_LossShared");
    Assertions.assertThat(driver.historicVariable(opportunity, "finalOutcome")).isEqualTo("LOST");
  }

  @Test
  void taskForceIsRatedByPeersSponsorAndCoordinatorAndRewardsSupportGiven() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formTaskForce(id);
    driver.complete(id, "DraftPressRelease", "pressRelease", "Riders see their train.");
    driver.completePressRelease(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(id);
    driver.complete(id, "ApproveBid", "bidApproved", true);
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
    driver.deliver(id, 1);
    driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.reportInputs(id, INPUTS);

    assertThat(opportunity).task("RateTeamAsSponsor").isAssignedTo("frank");
    driver.evaluatePeers(
        id,
        Map.of(
            "alice", "{\"bob\": 5, \"carol\": 4}",
            "bob", "{\"alice\": 4, \"carol\": 3}",
            "carol", "{\"alice\": 5, \"bob\": 4}"));
    driver.play(
        id, WorkedOpportunity.rateTeamAsCoordinator("{\"alice\": 5, \"bob\": 4, \"carol\": 4}"));
    assertThat(opportunity).isWaitingAt("RateTeamAsSponsor");
    driver.play(
        id,
        WorkedOpportunity.rateTeamAsSponsor(
            WorkedOpportunity.TASK_FORCE_SPONSOR, WorkedOpportunity.SPONSOR_RATINGS));
    driver.runJobs(id);

    // 0.6·peers + 0.2·sponsor + 0.2·coordinator: alice 0.6·4.5 + 0.2·5 + 0.2·5 = 4.70.
    SpinJsonNode statement = (SpinJsonNode) driver.variable(opportunity, "incentiveStatement");
    Assertions.assertThat(figures(statement, "score"))
        .containsExactly("alice=4.70", "bob=4.50", "carol=3.70");
    Assertions.assertThat(figures(statement, "collaborationStar"))
        .containsExactly("alice=true", "bob=false", "carol=false");
    Assertions.assertThat(figures(statement, "supportPoints"))
        .containsExactly("alice=4", "bob=4", "carol=2");
    Assertions.assertThat(figures(statement, "promotionPoints"))
        .containsExactly("alice=14", "bob=4", "carol=2");
    Assertions.assertThat(bonuses(statement))
        .containsExactly("alice=30000.00", "bob=18000.00", "carol=12000.00");
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
    assertThat(opportunity).isEnded().hasPassed("RateTeamAsSponsor", "Event_RatingsUnsealed");
    Assertions.assertThat(driver.historicVariable(opportunity, "ratingsUnsealed")).isEqualTo(true);
    Assertions.assertThat(driver.historicVariable(opportunity, "sponsorRatings")).isNull();
  }

  @Test
  void bidRejectedByTheSponsorEndsLostWithoutLossAllocation() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(strategicAccount(id));
    assertThat(opportunity)
        .variables()
        .containsEntry("priority", "A")
        .containsEntry("taskForceRequired", true)
        .containsEntry("pressReleaseRequired", true);
    driver.qualify(id);
    driver.formTaskForce(id);
    assertThat(opportunity).task("DraftPressRelease").hasCandidateGroup("marketing");
    driver.complete(
        id,
        "DraftPressRelease",
        "pressRelease",
        "Metro riders see their train before it arrives.",
        "faq",
        "Q: Which lines? A: All.");
    Assertions.assertThat(driver.tasks(id, "CompletePressRelease"))
        .extracting(task -> engine.getTaskService().getVariable(task.getId(), "department"))
        .containsExactlyInAnyOrder("TECH", "SALES");
    Assertions.assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(opportunity.getId())
                .taskDefinitionKey("CompletePressRelease")
                .taskCandidateGroupIn(List.of("tech", "sales"))
                .count())
        .isEqualTo(2);
    driver.completePressRelease(id);
    Assertions.assertThat(driver.variable(opportunity, "pressReleaseContributions").toString())
        .contains("\"TECH\":\"The part of TECH\"", "\"SALES\":\"The part of SALES\"");
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(id);
    assertThat(opportunity).task("ApproveBid").isAssignedTo("frank");

    driver.complete(
        id, "ApproveBid", "bidApproved", false, "bidRejectionReason", "Margin below 10 %");

    assertThat(opportunity)
        .isEnded()
        .hasPassed("EndEvent_BidRejected")
        .hasNotPassed("RecordLoss", "AllocateLoss");
    Assertions.assertThat(driver.historicVariable(opportunity, "finalOutcome")).isEqualTo("LOST");
    Assertions.assertThat(driver.historicVariable(opportunity, "lossStatement")).isNull();
  }

  @Test
  void customerFeedbackFromASprintReviewAndTheAcceptanceIsAnsweredByTech() {
    String id = newOpportunityId();
    ProcessInstance opportunity = wonWorkedExample(id);
    driver.complete(id, "PlanDelivery", "sprintCount", 2);
    driver.complete(id, "ReviewSprint", "sprintStatus", "ON_TRACK", "customerFeedback", "  ");
    Assertions.assertThat(driver.tasks(id, "AnswerCustomerFeedback"))
        .as("blank feedback is none")
        .isEmpty();

    driver.complete(
        id,
        "ReviewSprint",
        "sprintStatus",
        "ON_TRACK",
        "customerFeedback",
        "Riders want the arrival board in English too");

    assertThat(opportunity).isWaitingAt("AcceptDelivery", "AnswerCustomerFeedback");
    assertThat(opportunity).task("AnswerCustomerFeedback").hasCandidateGroup("tech");
    Task answer = driver.task(id, "AnswerCustomerFeedback");
    Assertions.assertThat(answer.getDueDate()).isCloseTo(inDays(5), 60_000);
    Assertions.assertThat(engine.getTaskService().getVariables(answer.getId()))
        .containsEntry("customerFeedback", "Riders want the arrival board in English too")
        .containsEntry("feedbackFrom", "Review sprint / 评审冲刺");
    Assertions.assertThat(
            (String) engine.getTaskService().getVariable(answer.getId(), "feedbackBy"))
        .endsWith("(carol)");

    assertThatThrownBy(
            () ->
                driver.complete(
                    id, "AnswerCustomerFeedback", "feedbackDecision", "IMPROVE_PRODUCT"))
        .hasMessageContaining("feedbackAnswer");
    driver.complete(
        id,
        "AnswerCustomerFeedback",
        "feedbackDecision",
        "IMPROVE_PRODUCT",
        "feedbackAnswer",
        "The board speaks English from release 2.3");
    assertThat(opportunity).hasPassed("EndEvent_FeedbackAnswered").isWaitingAt("AcceptDelivery");

    driver.complete(
        id,
        "AcceptDelivery",
        "accepted",
        true,
        "realizedRevenue",
        2_000_000L,
        "customerFeedback",
        "Export the ridership report monthly");
    Assertions.assertThat(driver.tasks(id, "AnswerCustomerFeedback"))
        .singleElement()
        .satisfies(
            task ->
                Assertions.assertThat(engine.getTaskService().getVariables(task.getId()))
                    .containsEntry("customerFeedback", "Export the ridership report monthly")
                    .containsEntry("feedbackFrom", "Accept delivery / 验收交付"));
    Assertions.assertThat(engine.getRuntimeService().getVariables(opportunity.getId()))
        .as("each item keeps to its own scope")
        .doesNotContainKeys("customerFeedback", "feedbackAnswer", "feedbackDecision");
  }

  @Test
  void failedSprintStopsDeliveryAndTheSprintTimerRemindsTheDeliveryManager() {
    String id = newOpportunityId();
    ProcessInstance opportunity = wonWorkedExample(id);
    driver.complete(id, "PlanDelivery", "sprintCount", 3);
    Task firstSprint = driver.task(id, "ReviewSprint");
    // Priority B: a sprint of 14 days and 2 days' grace for its review (DMN serviceLevels).
    Assertions.assertThat(firstSprint.getDueDate()).isCloseTo(inDays(16), 60_000);

    driver.fireTimer(id, "Timer_SprintReminder");
    assertThat(opportunity).hasPassed("RemindDeliveryManager").isWaitingAt("ReviewSprint");
    Assertions.assertThat(driver.task(id, "ReviewSprint").getPriority()).isEqualTo(60);

    driver.complete(id, "ReviewSprint", "sprintStatus", "AT_RISK", "sprintNotes", "Data feed late");
    driver.complete(
        id,
        "ReviewSprint",
        "sprintStatus",
        "FAILED",
        "sprintNotes",
        "Customer data centre unavailable");

    assertThat(opportunity).isWaitingAt("ReportDepartmentInput").hasNotPassed("AcceptDelivery");
    Assertions.assertThat(driver.variable(opportunity, "finalOutcome"))
        .isEqualTo("DELIVERY_FAILED");
    Assertions.assertThat(driver.variable(opportunity, "sprintReviews").toString())
        .isEqualTo(
            "[{\"sprint\":1,\"status\":\"AT_RISK\",\"notes\":\"Data feed late\"},"
                + "{\"sprint\":2,\"status\":\"FAILED\","
                + "\"notes\":\"Customer data centre unavailable\"}]");
    finishFailurePath(id, opportunity);
    Assertions.assertThat(driver.historicVariable(opportunity, "finalOutcome"))
        .isEqualTo("DELIVERY_FAILED");
  }

  @Test
  void refusedAcceptanceFailsDelivery() {
    String id = newOpportunityId();
    ProcessInstance opportunity = wonWorkedExample(id);
    driver.deliver(id, 1);
    driver.complete(id, "AcceptDelivery", "accepted", false);

    assertThat(opportunity).isWaitingAt("ReportDepartmentInput");
    finishFailurePath(id, opportunity);
    Assertions.assertThat(driver.historicVariable(opportunity, "finalOutcome"))
        .isEqualTo("DELIVERY_FAILED");
  }

  @Test
  void threeRevisionsAreAllowedAndTheFourthIsRefused() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);
    for (int revision = 1; revision <= 3; revision++) {
      driver.designAndOffer(id);
      driver.negotiate(id, "REVISE");
      assertThat(opportunity)
          .isWaitingAt("DesignSolution", "PrepareOffer")
          .variables()
          .containsEntry("revisionCount", (long) revision);
    }
    driver.designAndOffer(id);
    driver.complete(id, "SupportNegotiation", "technicalCommitments", "Same as before");
    Task negotiation = driver.task(id, "NegotiateDeal");

    assertThatThrownBy(() -> driver.complete(negotiation, "negotiationOutcome", "REVISE"))
        .hasMessageContaining("negotiationOutcome: the offer was already revised 3 times");

    assertThat(opportunity)
        .isWaitingAt("NegotiateDeal")
        .variables()
        .containsEntry("revisionCount", 3L);
    driver.complete(negotiation, "negotiationOutcome", "WON", "contractValue", 1_900_000L);
    assertThat(opportunity).isWaitingAt("PlanDelivery");
  }

  @Test
  void signOffRejectionIsArbitratedAndTheAdjustedSharesPayTheIncentives() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    for (Task signOff : driver.tasks(id, "SignCollaborationAgreement")) {
      String department =
          (String) engine.getTaskService().getVariable(signOff.getId(), "department");
      if (department.equals("TECH")) {
        driver.complete(
            signOff,
            "agreementApproved",
            false,
            "rejectionCategory",
            "INCENTIVE_SPLIT",
            "rejectionReason",
            "Tech carries the delivery risk");
      } else {
        driver.complete(signOff, "agreementApproved", true);
      }
    }
    driver.runJobs(id);

    ProcessInstance dispute = calledProcessInstance("collaborationArbitration", opportunity);
    assertThat(dispute)
        .hasBusinessKey(id)
        .variables()
        .containsEntry("disputeType", "INCENTIVE_SPLIT")
        .containsEntry("raisedByDepartment", "TECH")
        .containsEntry("againstDepartment", "SALES")
        .containsEntry("customerTier", "KEY")
        .containsEntry("route", "COMMITTEE");
    voteCompromiseByMajority(id);
    driver.complete(
        id,
        "RecordRuling",
        "rulingText",
        "Tech's share rises by five points",
        "adjustedShares",
        SpinValues.jsonValue("{\"SALES\": 45, \"TECH\": 40, \"DELIVERY\": 15}").create());
    driver.runJobs(id);

    assertThat(dispute).isEnded().hasPassed("EndEvent_RulingReturned");
    assertThat(opportunity).isWaitingAt("DesignSolution", "PrepareOffer");
    Assertions.assertThat(driver.variable(opportunity, "departmentShares").toString())
        .isEqualTo("{\"SALES\":45,\"TECH\":40,\"DELIVERY\":15}");
    Assertions.assertThat(((SpinJsonNode) driver.variable(opportunity, "rulings")).elements())
        .singleElement()
        .satisfies(
            ruling ->
                Assertions.assertThat(ruling.prop("decidedBy").stringValue())
                    .isEqualTo("COMMITTEE"));

    finishDelivery(id);
    SpinJsonNode statement = (SpinJsonNode) driver.variable(opportunity, "incentiveStatement");
    Assertions.assertThat(statement.prop("departments").elements())
        .extracting(
            department ->
                department.prop("department").stringValue()
                    + "="
                    + department.prop("pool").stringValue())
        .containsExactly("DELIVERY=6000.00", "SALES=18000.00", "TECH=16000.00");
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
    assertThat(opportunity).isEnded().hasPassed("EndEvent_Delivered");
  }

  @Test
  void overdueSolutionDesignIsFollowedUpWithAReminder() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);
    Assertions.assertThat(driver.task(id, "DesignSolution").getDueDate())
        .isCloseTo(inDays(5), 60_000);

    driver.fireTimer(id, "Timer_TechResponseOverdue");
    assertThat(opportunity).isWaitingAt("DesignSolution", "PrepareOffer", "FollowUpOverdueWork");
    assertThat(opportunity).task("FollowUpOverdueWork").hasCandidateGroup("coordinators");
    driver.complete(id, "FollowUpOverdueWork", "followUpAction", "REMIND");
    driver.runJobs(id);

    assertThat(opportunity)
        .hasPassed("RemindSolutionManager", "EndEvent_Reminded")
        .isWaitingAt("DesignSolution");
    Task design = driver.task(id, "DesignSolution");
    Assertions.assertThat(design.getPriority()).isEqualTo(60);
    Assertions.assertThat(engine.getTaskService().getTaskComments(design.getId()))
        .singleElement()
        .satisfies(
            comment -> Assertions.assertThat(comment.getFullMessage()).startsWith("Reminder / 提醒"));
  }

  @Test
  void everyStepOfTheWorkedExampleIsDueByItsServiceLevel() {
    String id = newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(id);

    List<HistoricTaskInstance> steps =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(id)
            .list();
    Assertions.assertThat(steps)
        .hasSizeGreaterThan(15)
        .allSatisfy(
            step ->
                Assertions.assertThat(step.getDueDate())
                    .as("due date of %s", step.getTaskDefinitionKey())
                    .isNotNull());
  }

  @Test
  void aLateStepRemindsItsPeopleAndACoordinatorFollowsItUp() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(keyAccount(id));
    Task qualify = driver.task(id, "QualifyOpportunity");
    // Not triaged yet: the row for no priority, three days.
    Assertions.assertThat(qualify.getDueDate()).isCloseTo(inDays(3), 60_000);

    driver.fireTimer(id, "QualifyOpportunity");

    assertThat(opportunity)
        .hasPassed("StartEvent_StepLate", "RemindLateStep")
        .isWaitingAt("QualifyOpportunity", "FollowUpLateStep");
    assertThat(opportunity).task("FollowUpLateStep").hasCandidateGroup("coordinators");
    Task followUp = driver.task(id, "FollowUpLateStep");
    Assertions.assertThat(engine.getTaskService().getVariables(followUp.getId()))
        .containsEntry("lateTaskId", qualify.getId())
        .containsEntry("lateStep", "QualifyOpportunity")
        .containsEntry("lateStepName", "Qualify opportunity / 商机资格审核")
        .containsKey("lateSince");
    Assertions.assertThat(
            (String) engine.getTaskService().getVariable(followUp.getId(), "lateWith"))
        .endsWith("(alice)");
    Task reminded = driver.task(id, "QualifyOpportunity");
    Assertions.assertThat(reminded.getPriority()).isEqualTo(qualify.getPriority() + 10);
    Assertions.assertThat(engine.getTaskService().getTaskComments(reminded.getId()))
        .singleElement()
        .satisfies(
            comment -> Assertions.assertThat(comment.getFullMessage()).startsWith("Reminder / 提醒"));

    assertThatThrownBy(() -> driver.complete(id, "FollowUpLateStep", "lateStepAction", "IGNORED"))
        .hasMessageContaining("lateStepAction");
    driver.complete(
        id,
        "FollowUpLateStep",
        "lateStepAction",
        "CONTACTED",
        "lateStepNote",
        "Alice qualifies it by Friday");

    assertThat(opportunity)
        .hasPassed("FollowUpLateStep", "EndEvent_LateStepFollowedUp")
        .isWaitingAt("QualifyOpportunity");
    Assertions.assertThat(engine.getRuntimeService().getVariables(opportunity.getId()))
        .as("the follow-up's facts stay in its own scope")
        .doesNotContainKeys("lateStepAction", "lateStepNote", "lateStep");
    Assertions.assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(opportunity.getId())
                .variableName("lateStepAction")
                .list()
                .stream()
                .map(variable -> variable.getValue()))
        .contains("CONTACTED");
  }

  @Test
  void aLateStepDoneBeforeItsFollowUpEndsTheFollowUp() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(keyAccount(id));
    driver.fireTimer(id, "QualifyOpportunity");
    assertThat(opportunity).isWaitingAt("QualifyOpportunity", "FollowUpLateStep");

    driver.qualify(id);

    assertThat(opportunity)
        .hasPassed("Boundary_LateStepDone", "EndEvent_LateStepDone")
        .hasNotPassed("EndEvent_LateStepFollowedUp")
        .isNotWaitingAt("FollowUpLateStep");
    Assertions.assertThat(driver.tasks(id, "FollowUpLateStep")).isEmpty();
  }

  @Test
  void twoLateStepsAtOnceKeepTheirFollowUpsApart() {
    String id = newOpportunityId();
    ProcessInstance opportunity = wonWorkedExample(id);
    driver.complete(id, "PlanDelivery", "sprintCount", 1);
    driver.complete(id, "ReviewSprint", "sprintStatus", "ON_TRACK");
    driver.fireTimer(id, "AcceptDelivery");
    driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.runJobs(id);
    Assertions.assertThat(driver.tasks(id, "FollowUpLateStep")).as("acceptance done").isEmpty();
    Assertions.assertThat(driver.tasks(id, "ReportDepartmentInput")).hasSize(3);
    Task delivery =
        driver.tasks(id, "ReportDepartmentInput").stream()
            .filter(
                task ->
                    "DELIVERY"
                        .equals(engine.getTaskService().getVariable(task.getId(), "department")))
            .findFirst()
            .orElseThrow();
    Task tech =
        driver.tasks(id, "ReportDepartmentInput").stream()
            .filter(
                task ->
                    "TECH".equals(engine.getTaskService().getVariable(task.getId(), "department")))
            .findFirst()
            .orElseThrow();
    for (Task late : List.of(delivery, tech)) {
      engine
          .getManagementService()
          .executeJob(
              engine
                  .getManagementService()
                  .createJobQuery()
                  .processInstanceId(opportunity.getId())
                  .timers()
                  .activityId(late.getTaskDefinitionKey())
                  .executionId(late.getExecutionId())
                  .list()
                  .stream()
                  .findFirst()
                  .orElseThrow()
                  .getId());
    }
    Assertions.assertThat(driver.tasks(id, "FollowUpLateStep"))
        .extracting(task -> engine.getTaskService().getVariable(task.getId(), "lateTaskId"))
        .containsExactlyInAnyOrder(delivery.getId(), tech.getId());

    driver.complete(delivery, "inputHours", 10, "inputCost", 1_000L);

    Assertions.assertThat(driver.tasks(id, "FollowUpLateStep"))
        .singleElement()
        .satisfies(
            followUp ->
                Assertions.assertThat(
                        engine.getTaskService().getVariable(followUp.getId(), "lateTaskId"))
                    .isEqualTo(tech.getId()));
  }

  @Test
  void theOverdueFollowUpEndsWithTheDesign() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);
    driver.fireTimer(id, "Timer_TechResponseOverdue");
    assertThat(opportunity).isWaitingAt("DesignSolution", "PrepareOffer", "FollowUpOverdueWork");

    driver.designAndOffer(id);

    assertThat(opportunity)
        .hasPassed("EndEvent_DesignDone")
        .hasNotPassed("RemindSolutionManager", "EscalateToArbitration")
        .isWaitingAt("NegotiateDeal", "SupportNegotiation")
        .isNotWaitingAt("FollowUpOverdueWork");
    Assertions.assertThat(driver.tasks(id, "FollowUpOverdueWork")).isEmpty();
  }

  @Test
  void designDoneWhileItsEscalationIsPendingEndsTheEscalationWithoutARuling() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formTaskForce(id);
    driver.complete(
        id, "DraftPressRelease", "pressRelease", "Metro riders see their train before it arrives.");
    driver.completePressRelease(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(id);
    driver.complete(id, "ApproveBid", "bidApproved", true);
    driver.fireTimer(id, "Timer_TechResponseOverdue");
    driver.complete(id, "FollowUpOverdueWork", "followUpAction", "ESCALATE");
    driver.runJobs(id);
    ProcessInstance dispute = calledProcessInstance("collaborationArbitration", opportunity);

    driver.designAndOffer(id);

    assertThat(opportunity).hasPassed("EndEvent_DesignDone").hasNotPassed("EndEvent_Escalated");
    assertThat(dispute).isEnded();
    Assertions.assertThat(driver.variable(opportunity, "rulings").toString()).isEqualTo("[]");
  }

  @Test
  void overdueSolutionDesignEscalatedToTheCommitteeLeavesTheTaskOpen() {
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formTaskForce(id);
    driver.complete(
        id, "DraftPressRelease", "pressRelease", "Metro riders see their train before it arrives.");
    driver.completePressRelease(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(id);
    driver.complete(id, "ApproveBid", "bidApproved", true);

    driver.fireTimer(id, "Timer_TechResponseOverdue");
    driver.complete(id, "FollowUpOverdueWork", "followUpAction", "ESCALATE");
    driver.runJobs(id);

    ProcessInstance dispute = calledProcessInstance("collaborationArbitration", opportunity);
    assertThat(dispute)
        .variables()
        .containsEntry("disputeType", "RESPONSIBILITY")
        .containsEntry("raisedByDepartment", "SALES")
        .containsEntry("againstDepartment", "TECH")
        .containsEntry("route", "COMMITTEE");
    for (String member : List.of("grace", "heidi")) {
      driver.complete(
          voteOf(id, member), "vote", "UPHOLD", "voteRationale", "Tech must answer within the SLA");
    }
    driver.complete(id, "RecordRuling", "rulingText", "Tech delivers the design within three days");
    driver.runJobs(id);

    assertThat(opportunity)
        .hasPassed("EscalateToArbitration", "EndEvent_Escalated")
        .isWaitingAt("DesignSolution", "PrepareOffer");
    Assertions.assertThat(driver.variable(opportunity, "departmentShares").toString())
        .isEqualTo("{\"SALES\":50,\"TECH\":30,\"DELIVERY\":20}");
  }

  @Test
  void refusedIncentivesAreArbitratedAndRecalculatedWithTheRuledShares() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);
    finishDelivery(id);

    driver.complete(id, "ApproveIncentives", "incentivesApproved", false);
    driver.runJobs(id);
    ProcessInstance dispute = calledProcessInstance("collaborationArbitration", opportunity);
    assertThat(dispute)
        .variables()
        .containsEntry("disputeType", "INCENTIVE_SPLIT")
        .containsEntry("raisedByDepartment", "DELIVERY")
        .containsEntry("againstDepartment", "SALES")
        .containsEntry("route", "MEDIATION")
        .containsEntry("amountAtStake", 40000.0);
    driver.complete(
        id,
        "MediateDispute",
        "mediationResolved",
        true,
        "resolution",
        "Delivery gets ten more points",
        "adjustedShares",
        "{\"SALES\": 40, \"TECH\": 35, \"DELIVERY\": 25}");
    driver.runJobs(id);

    assertThat(opportunity).isWaitingAt("ApproveIncentives");
    SpinJsonNode statement = (SpinJsonNode) driver.variable(opportunity, "incentiveStatement");
    Assertions.assertThat(statement.prop("departments").elements())
        .extracting(
            department ->
                department.prop("department").stringValue()
                    + "="
                    + department.prop("pool").stringValue())
        .containsExactly("DELIVERY=10000.00", "SALES=16000.00", "TECH=14000.00");
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
    assertThat(opportunity)
        .isEnded()
        .hasPassed("ArbitrateIncentiveSplit", "ApplyIncentiveSplitRuling", "EndEvent_Delivered");
  }

  @Test
  void rulingOfADisputeRaisedOnItsOwnReachesTheRunningOpportunity() {
    String id = newOpportunityId();
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);

    ProcessInstance dispute =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "collaborationArbitration",
                OpportunityDriver.variables(
                    "opportunityId",
                    id,
                    "disputeType",
                    "RESOURCE_ALLOCATION",
                    "raisedByDepartment",
                    "DELIVERY",
                    "againstDepartment",
                    "TECH",
                    "description",
                    "Tech holds back the architect we need",
                    "amountAtStake",
                    5000L));
    driver.complete(
        id,
        "MediateDispute",
        "mediationResolved",
        true,
        "resolution",
        "The architect joins delivery",
        "adjustedShares",
        SpinValues.jsonValue("{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}").create());
    driver.runJobs(id);

    assertThat(dispute).isEnded().hasPassed("EndEvent_RulingDelivered");
    assertThat(opportunity).hasPassed("ApplyRuling").isWaitingAt("DesignSolution", "PrepareOffer");
    Assertions.assertThat(driver.variable(opportunity, "departmentShares").toString())
        .isEqualTo("{\"SALES\":50,\"TECH\":30,\"DELIVERY\":20}");
    Assertions.assertThat(((SpinJsonNode) driver.variable(opportunity, "rulings")).elements())
        .singleElement()
        .satisfies(
            ruling ->
                Assertions.assertThat(ruling.prop("decidedBy").stringValue())
                    .isEqualTo("MEDIATION"));
  }

  // --- shared stretches of the scenarios ---

  private ProcessInstance workedExampleUntilSignOff(String id) {
    ProcessInstance opportunity = driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, WORKED_EXAMPLE_SHARES);
    List<Task> signOffs = driver.tasks(id, "SignCollaborationAgreement");
    Assertions.assertThat(signOffs).hasSize(3);
    Assertions.assertThat(signOffs)
        .extracting(
            task ->
                engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("sales", "tech", "delivery");
    return opportunity;
  }

  private ProcessInstance wonWorkedExample(String id) {
    ProcessInstance opportunity = workedExampleUntilSignOff(id);
    driver.signAll(id);
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
    return opportunity;
  }

  /** From negotiation won to the statement waiting for the committee's approval. */
  private void finishDelivery(String id) {
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
    driver.deliver(id, 1);
    driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.reportInputs(id, INPUTS);
    driver.evaluateWorkedExampleTeam(id);
    driver.runJobs(id);
  }

  private void finishFailurePath(String id, ProcessInstance opportunity) {
    driver.reportInputs(id, INPUTS);
    driver.evaluateWorkedExampleTeam(id);
    driver.complete(id, "RecordLoss", "lossAmount", 50_000L);
    driver.runJobs(id);
    assertThat(opportunity).variables().containsKey("lossStatement");
    driver.complete(
        id, "HoldRetrospective", "lessonsLearned", "Secure data centre access before sprint 1");
    assertThat(opportunity)
        .isEnded()
        .hasPassed(
            "EvaluatePeers",
            "RateTeamAsCoordinator",
            "AllocateLoss",
            "Event_LossRatingsUnsealed",
            "RecordLossInLedger",
            "EndEvent_LossShared")
        .hasNotPassed("RateTeamAsSponsor");
  }

  private void voteCompromiseByMajority(String id) {
    Assertions.assertThat(driver.tasks(id, "ArbitrationVote"))
        .extracting(Task::getAssignee)
        .containsExactly("frank", "grace", "heidi");
    driver.complete(
        voteOf(id, "grace"), "vote", "COMPROMISE", "voteRationale", "Both sides have a point");
    driver.complete(voteOf(id, "heidi"), "vote", "COMPROMISE", "voteRationale", "Share the risk");
    Assertions.assertThat(driver.tasks(id, "ArbitrationVote")).isEmpty();
  }

  private Task voteOf(String id, String member) {
    return driver.tasks(id, "ArbitrationVote").stream()
        .filter(task -> member.equals(task.getAssignee()))
        .findFirst()
        .orElseThrow();
  }

  /** {@code userId=figure} of every member of a statement, in its order. */
  private static List<String> figures(SpinJsonNode statement, String figure) {
    return statement.prop("members").elements().stream()
        .map(
            member ->
                member.prop("userId").stringValue()
                    + "="
                    + (member.prop(figure).isString()
                        ? member.prop(figure).stringValue()
                        : member.prop(figure).value()))
        .toList();
  }

  private static List<String> bonuses(SpinJsonNode statement) {
    return statement.prop("members").elements().stream()
        .map(
            member ->
                member.prop("userId").stringValue() + "=" + member.prop("bonus").stringValue())
        .toList();
  }

  private static Date inDays(int days) {
    return new Date(System.currentTimeMillis() + Duration.ofDays(days).toMillis());
  }
}
