package org.opencollab.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.strategicAccount;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules of docs/process-variables.md as the Java API meets them (REST and forms go through the
 * same listeners): a refused start leaves nothing behind; a refused completion leaves the task open
 * and every variable as it was; the message names the field and the rule.
 */
@ApplicationTest
class OpportunityRulesTest {

  @Autowired ProcessEngine engine;
  OpportunityDriver driver;

  @BeforeEach
  void init() {
    driver = new OpportunityDriver(engine);
  }

  static List<Arguments> badStarts() {
    return List.of(
        Arguments.of("opportunityId", "OPP-", "opportunityId: must be OPP- then 1 to 32"),
        Arguments.of("opportunityId", "opp-12", "opportunityId: must be OPP-"),
        Arguments.of("opportunityId", "OPP-" + "A".repeat(33), "opportunityId: must be OPP-"),
        Arguments.of("customerName", " ", "customerName: must be a non-empty text"),
        Arguments.of(
            "customerName", "C".repeat(201), "customerName: must have at most 200 characters"),
        Arguments.of("title", null, "title: is required"),
        Arguments.of(
            "customerTier", "GOLD", "customerTier: must be one of STRATEGIC, KEY, STANDARD"),
        Arguments.of("estimatedValue", -1L, "estimatedValue: must be between 0 and 1000000000000"),
        Arguments.of(
            "estimatedValue", 1_000_000_000_000.5, "estimatedValue: must be at most 1000000000000"),
        Arguments.of("estimatedValue", "5000", "estimatedValue: must be a number"),
        Arguments.of(
            "technicalComplexity",
            "EXTREME",
            "technicalComplexity: must be one of LOW, MEDIUM, HIGH"),
        Arguments.of(
            "customizationRequired", "yes", "customizationRequired: must be true or false"),
        Arguments.of("newProduct", null, "newProduct: is required"),
        Arguments.of(
            "source", "EMAIL", "source: must be one of SALES, MARKETING, ANALYTICS, PARTNER"),
        Arguments.of("accountManager", "bob", "accountManager: bob is not a member of group sales"),
        Arguments.of(
            "accountManager", "nobody", "accountManager: nobody is not a member of group sales"));
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @MethodSource("badStarts")
  void refusedStartLeavesNothingBehind(String variable, Object value, String message) {
    String id = newOpportunityId();
    Map<String, Object> variables = keyAccount(id);
    variables.put(variable, value);

    assertThatThrownBy(() -> driver.start(variables)).hasMessageContaining(message);

    assertNothingLeftOf(id);
  }

  @Test
  void aStartWithoutIdOrAccountManagerNumbersItAndMakesTheStarterTheAccountManager() {
    // alice starts it (as an administrator here, since this engine grants no starting rights)
    engine.getIdentityService().setAuthentication("alice", List.of("camunda-admin"));
    try {
      List<String> ids = new java.util.ArrayList<>();
      for (int start = 0; start < 2; start++) {
        Map<String, Object> variables = keyAccount("unused");
        variables.remove("opportunityId");
        variables.put("accountManager", "");
        org.camunda.bpm.engine.runtime.ProcessInstance opportunity = driver.start(variables);
        ids.add(opportunity.getBusinessKey());
        assertThat(engine.getRuntimeService().getVariable(opportunity.getId(), "accountManager"))
            .isEqualTo("alice");
        assertThat(engine.getRuntimeService().getVariable(opportunity.getId(), "opportunityId"))
            .isEqualTo(opportunity.getBusinessKey());
      }
      assertThat(ids)
          .allMatch(id -> id.matches("OPP-" + java.time.Year.now().getValue() + "-\\d{4,}"))
          .doesNotHaveDuplicates();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void opportunityIdOfARunningOpportunityCannotBeUsedAgain() {
    String id = newOpportunityId();
    driver.start(keyAccount(id));

    assertThatThrownBy(() -> driver.start(keyAccount(id)))
        .hasMessageContaining("opportunityId: " + id + " is already used by another opportunity");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .isEqualTo(1);
  }

  @Test
  void opportunityIdOfAFinishedOpportunityCannotBeUsedAgain() {
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.complete(
        id, "QualifyOpportunity", "qualified", false, "qualificationNotes", "Duplicate lead");

    assertThatThrownBy(() -> driver.start(keyAccount(id))).hasMessageContaining("is already used");
  }

  @Test
  void businessKeyOtherThanTheOpportunityIdIsRefused() {
    String id = newOpportunityId();
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        "opportunityToDelivery", "OTHER-KEY", keyAccount(id)))
        .hasMessageContaining("businessKey: must equal opportunityId " + id);
    assertNothingLeftOf(id);
  }

  static List<Arguments> badCompletions() {
    String team =
        "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"},"
            + " {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]";
    return List.of(
        completion("QualifyOpportunity", "qualificationNotes: is required", "qualified", false),
        completion("QualifyOpportunity", "qualified: must be true or false", "qualified", "yes"),
        completion(
            "FormTeam",
            "solutionManager: is required when techParticipation is MANDATORY",
            "deliveryManager",
            "carol",
            "teamMembers",
            json(team)),
        completion(
            "FormTeam",
            "solutionManager: alice is not a member of group tech",
            "solutionManager",
            "alice",
            "deliveryManager",
            "carol",
            "teamMembers",
            json(team)),
        completion(
            "FormTeam",
            "deliveryManager: bob is not a member of group delivery",
            "solutionManager",
            "bob",
            "deliveryManager",
            "bob",
            "teamMembers",
            json(team)),
        completion(
            "FormTeam",
            "teamMembers: must contain the accountManager alice",
            "solutionManager",
            "bob",
            "deliveryManager",
            "carol",
            "teamMembers",
            json(
                "[{\"userId\": \"bob\", \"department\": \"TECH\"}, {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]")),
        completion(
            "FormTeam",
            "teamMembers: carol is not a member of group sales",
            "solutionManager",
            "bob",
            "deliveryManager",
            "carol",
            "teamMembers",
            json(
                "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"},"
                    + " {\"userId\": \"carol\", \"department\": \"SALES\"}]")),
        completion(
            "FormTeam",
            "teamMembers: bob is listed more than once",
            "solutionManager",
            "bob",
            "deliveryManager",
            "carol",
            "teamMembers",
            json(
                "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"},"
                    + " {\"userId\": \"bob\", \"department\": \"TECH\"}, {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]")),
        completion(
            "FormTeam",
            "teamMembers: unknown department LEGAL",
            "solutionManager",
            "bob",
            "deliveryManager",
            "carol",
            "teamMembers",
            json("[{\"userId\": \"alice\", \"department\": \"LEGAL\"}]")),
        completion(
            "FormTeam",
            "teamMembers: must be a Json array",
            "solutionManager",
            "bob",
            "deliveryManager",
            "carol",
            "teamMembers",
            json("{\"alice\": \"SALES\"}")),
        completion(
            "DraftCollaborationAgreement",
            "departmentShares: shares must sum to 100, got 90",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 25, \"DELIVERY\": 15}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentShares: keys must be exactly the involved departments",
            "departmentShares",
            json("{\"SALES\": 60, \"TECH\": 40}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentShares: the share of DELIVERY must be an integer percentage of at least 1",
            "departmentShares",
            json("{\"SALES\": 60, \"TECH\": 40, \"DELIVERY\": 0}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentShares: TECH must be a whole number",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35.5, \"DELIVERY\": 14.5}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentCommitments: is required",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentCommitments: keys must be exactly the involved departments",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "departmentCommitments",
            json("{\"SALES\": {\"people\": 2, \"days\": 15}}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentCommitments: TECH's days must be a whole number from 1 to 3650",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "departmentCommitments",
            json(
                "{\"SALES\": {\"people\": 2, \"days\": 15}, \"TECH\": {\"people\": 3, \"days\": 0},"
                    + " \"DELIVERY\": {\"people\": 4, \"days\": 30}}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "departmentCommitments: each department commits \"people\" and \"days\", nothing else",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "departmentCommitments",
            json(
                "{\"SALES\": {\"people\": 2}, \"TECH\": {\"people\": 3, \"days\": 20},"
                    + " \"DELIVERY\": {\"people\": 4, \"days\": 30}}"),
            "customerDataOwner",
            "SALES",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "customerDataOwner: must be one of the involved departments",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "departmentCommitments",
            json(
                "{\"SALES\": {\"people\": 2, \"days\": 15}, \"TECH\": {\"people\": 3, \"days\": 20}, \"DELIVERY\": {\"people\": 4, \"days\": 30}}"),
            "customerDataOwner",
            "MARKETING",
            "dataAccessRules",
            "rules"),
        completion(
            "DraftCollaborationAgreement",
            "dataAccessRules: is required",
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "departmentCommitments",
            json(
                "{\"SALES\": {\"people\": 2, \"days\": 15}, \"TECH\": {\"people\": 3, \"days\": 20}, \"DELIVERY\": {\"people\": 4, \"days\": 30}}"),
            "customerDataOwner",
            "SALES"),
        completion(
            "SignCollaborationAgreement",
            "rejectionCategory: is required",
            "agreementApproved",
            false,
            "rejectionReason",
            "no"),
        completion(
            "SignCollaborationAgreement",
            "rejectionCategory: must be one of DATA_ACCESS",
            "agreementApproved",
            false,
            "rejectionCategory",
            "MONEY",
            "rejectionReason",
            "no"),
        completion(
            "SignCollaborationAgreement",
            "rejectionReason: is required",
            "agreementApproved",
            false,
            "rejectionCategory",
            "PRIORITY"),
        completion(
            "DesignSolution",
            "estimatedEffortDays: must be a whole number, got 2.5",
            "solutionSummary",
            "s",
            "estimatedEffortDays",
            2.5),
        completion(
            "DesignSolution",
            "estimatedEffortDays: must be between 0 and 100000, got -1",
            "solutionSummary",
            "s",
            "estimatedEffortDays",
            -1),
        completion("PrepareOffer", "offerValue: must be 0 or more", "offerValue", -5L),
        completion(
            "PrepareOffer",
            "offerValue: must have at most two decimal places",
            "offerValue",
            1.234),
        completion("NegotiateDeal", "contractValue: is required", "negotiationOutcome", "WON"),
        completion(
            "NegotiateDeal",
            "contractValue: must be more than 0 when the deal is WON",
            "negotiationOutcome",
            "WON",
            "contractValue",
            0L),
        completion(
            "NegotiateDeal",
            "negotiationOutcome: must be one of WON, LOST, REVISE",
            "negotiationOutcome",
            "MAYBE"),
        completion("SupportNegotiation", "technicalCommitments: is required"),
        completion(
            "PlanDelivery", "sprintCount: must be between 1 and 26, got 0", "sprintCount", 0),
        completion(
            "PlanDelivery", "sprintCount: must be between 1 and 26, got 27", "sprintCount", 27),
        completion(
            "ReviewSprint",
            "sprintStatus: must be one of ON_TRACK, AT_RISK, FAILED",
            "sprintStatus",
            "DONE"),
        completion("AcceptDelivery", "realizedRevenue: is required", "accepted", true),
        completion(
            "ReportDepartmentInput",
            "inputHours: must be between 0",
            "inputHours",
            -1,
            "inputCost",
            100),
        completion("ReportDepartmentInput", "inputCost: is required", "inputHours", 10),
        completion(
            "EvaluatePeers",
            "ratings: must rate every team member other than yourself exactly once",
            "ratings",
            json("{\"sam\": 3}")),
        completion(
            "EvaluatePeers",
            "ratings: must rate every team member other than yourself exactly once",
            "ratings",
            json("{\"alice\": 5, \"bob\": 4, \"carol\": 4, \"sam\": 3}")),
        completion(
            "EvaluatePeers",
            "ratings: the rating of carol must be 1 to 5, got 6",
            "ratings",
            json("{\"bob\": 4, \"carol\": 6, \"sam\": 3}")),
        completion(
            "RateTeamAsCoordinator",
            "ratings: must rate every team member other than yourself exactly once",
            "ratings",
            json("{\"alice\": 5, \"bob\": 4, \"carol\": 4}")),
        completion(
            "RateTeamAsCoordinator",
            "ratings: the rating of sam must be 1 to 5, got 0",
            "ratings",
            json("{\"alice\": 5, \"bob\": 4, \"carol\": 4, \"sam\": 0}")),
        completion("ApproveIncentives", "incentivesApproved: is required"),
        completion("RecordLoss", "lossAmount: must be 0 or more", "lossAmount", -1L),
        completion(
            "HoldRetrospective", "lessonsLearned: must be a non-empty text", "lessonsLearned", ""));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badCompletions")
  void refusedCompletionLeavesTheTaskOpenAndUnchanged(
      String taskKey, String message, Map<String, Object> submitted) {
    String id = newOpportunityId();
    driveTo(id, taskKey);
    Task task = driver.tasks(id, taskKey).get(0);
    String before = snapshot(engine.getRuntimeService().getVariables(task.getProcessInstanceId()));
    String localBefore = snapshot(engine.getTaskService().getVariables(task.getId()));

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), submitted))
        .hasMessageContaining(message);

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult())
        .isNotNull();
    assertThat(snapshot(engine.getRuntimeService().getVariables(task.getProcessInstanceId())))
        .isEqualTo(before);
    assertThat(snapshot(engine.getTaskService().getVariables(task.getId()))).isEqualTo(localBefore);
  }

  @Test
  void anEarlierRoundsAnswerDoesNotCountForTheNextRound() {
    String id = newOpportunityId();
    driveTo(id, "NegotiateDeal");
    driver.complete(id, "NegotiateDeal", "negotiationOutcome", "REVISE");
    driver.complete(id, "DesignSolution", "solutionSummary", "s2", "estimatedEffortDays", 12);

    assertThatThrownBy(() -> driver.complete(id, "PrepareOffer"))
        .hasMessageContaining("offerValue: is required");
    driver.complete(id, "PrepareOffer", "offerValue", 90L);
    driver.complete(id, "SupportNegotiation", "technicalCommitments", "t2");
    assertThatThrownBy(() -> driver.complete(id, "NegotiateDeal"))
        .hasMessageContaining("negotiationOutcome: is required");

    driver.complete(id, "NegotiateDeal", "negotiationOutcome", "WON", "contractValue", 90L);
    driver.complete(id, "PlanDelivery", "sprintCount", 2);
    driver.complete(id, "ReviewSprint", "sprintStatus", "AT_RISK");
    assertThatThrownBy(() -> driver.complete(id, "ReviewSprint"))
        .hasMessageContaining("sprintStatus: is required");
  }

  @Test
  void taskForceNeedsAnExecutiveSponsorFromTheCommittee() {
    String id = newOpportunityId();
    driver.start(strategicAccount(id));
    driver.qualify(id);
    Task formTeam = driver.task(id, "FormTeam");
    String team =
        "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"},"
            + " {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]";

    assertThatThrownBy(
            () ->
                driver.complete(
                    formTeam,
                    "solutionManager",
                    "bob",
                    "deliveryManager",
                    "carol",
                    "teamMembers",
                    json(team)))
        .hasMessageContaining("executiveSponsor: is required");
    assertThatThrownBy(
            () ->
                driver.complete(
                    formTeam,
                    "solutionManager",
                    "bob",
                    "deliveryManager",
                    "carol",
                    "executiveSponsor",
                    "alice",
                    "teamMembers",
                    json(team)))
        .hasMessageContaining("executiveSponsor: alice is not a member of group committee");
  }

  @Test
  void taskForceNeedsSalesTechAndDelivery() {
    String id = newOpportunityId();
    Map<String, Object> variables = strategicAccount(id);
    variables.put("technicalComplexity", "LOW");
    variables.put("estimatedValue", 100_000L);
    driver.start(variables);
    driver.qualify(id);

    assertThatThrownBy(
            () ->
                driver.complete(
                    id,
                    "FormTeam",
                    "solutionManager",
                    "bob",
                    "deliveryManager",
                    "carol",
                    "executiveSponsor",
                    "frank",
                    "teamMembers",
                    json(
                        "[{\"userId\": \"alice\", \"department\": \"SALES\"},"
                            + " {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]")))
        .hasMessageContaining("teamMembers: must contain the solutionManager bob");
  }

  // --- driving an opportunity to a task, the shortest way ---

  private static final List<String> STAGES =
      List.of(
          "QualifyOpportunity",
          "FormTeam",
          "DraftCollaborationAgreement",
          "SignCollaborationAgreement",
          "DesignSolution",
          "PrepareOffer",
          "SupportNegotiation",
          "NegotiateDeal",
          "PlanDelivery",
          "ReviewSprint",
          "AcceptDelivery",
          "ReportDepartmentInput",
          "EvaluatePeers",
          "ApproveIncentives");

  private void driveTo(String id, String taskKey) {
    if (taskKey.equals("RateTeamAsCoordinator")) {
      driveTo(id, "EvaluatePeers"); // the team is rated in parallel
      return;
    }
    if (taskKey.equals("RecordLoss") || taskKey.equals("HoldRetrospective")) {
      driveTo(id, "PlanDelivery");
      driver.complete(id, "PlanDelivery", "sprintCount", 1);
      driver.complete(id, "ReviewSprint", "sprintStatus", "FAILED");
      driver.reportInputs(
          id,
          Map.of(
              "SALES", new int[] {1, 1}, "TECH", new int[] {1, 1}, "DELIVERY", new int[] {1, 1}));
      driver.evaluateWorkedExampleTeam(id);
      if (taskKey.equals("HoldRetrospective")) {
        driver.complete(id, "RecordLoss", "lossAmount", 100L);
        driver.runJobs(id);
      }
      return;
    }
    driver.start(keyAccount(id));
    for (String stage : STAGES.subList(0, STAGES.indexOf(taskKey))) {
      switch (stage) {
        case "QualifyOpportunity" -> driver.qualify(id);
        case "FormTeam" -> driver.formWorkedExampleTeam(id);
        case "DraftCollaborationAgreement" ->
            driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
        case "SignCollaborationAgreement" -> driver.signAll(id);
        case "DesignSolution" ->
            driver.complete(
                id, "DesignSolution", "solutionSummary", "s", "estimatedEffortDays", 10);
        case "PrepareOffer" -> driver.complete(id, "PrepareOffer", "offerValue", 100L);
        case "SupportNegotiation" ->
            driver.complete(id, "SupportNegotiation", "technicalCommitments", "t");
        case "NegotiateDeal" ->
            driver.complete(
                id, "NegotiateDeal", "negotiationOutcome", "WON", "contractValue", 100L);
        case "PlanDelivery" -> driver.complete(id, "PlanDelivery", "sprintCount", 1);
        case "ReviewSprint" -> driver.complete(id, "ReviewSprint", "sprintStatus", "ON_TRACK");
        case "AcceptDelivery" ->
            driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 1000L);
        case "ReportDepartmentInput" ->
            driver.reportInputs(
                id,
                Map.of(
                    "SALES",
                    new int[] {1, 1},
                    "TECH",
                    new int[] {1, 1},
                    "DELIVERY",
                    new int[] {1, 1}));
        case "EvaluatePeers" -> {
          driver.evaluateWorkedExampleTeam(id);
          driver.runJobs(id);
        }
        default -> throw new IllegalArgumentException(stage);
      }
    }
  }

  /** Variables by name with their values printed: Json values compare by their text. */
  private static String snapshot(Map<String, Object> variables) {
    return new java.util.TreeMap<>(variables).toString();
  }

  private void assertNothingLeftOf(String id) {
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("opportunityId")
                .variableValueEquals("opportunityId", id)
                .count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("customerName")
                .list())
        .noneMatch(variable -> variable.getProcessInstanceId() == null);
  }

  private static Arguments completion(String taskKey, String message, Object... keyValues) {
    Map<String, Object> submitted = new HashMap<>(OpportunityDriver.variables(keyValues));
    return Arguments.of(taskKey, message, submitted);
  }

  private static Object json(String text) {
    return SpinValues.jsonValue(text).create();
  }
}
