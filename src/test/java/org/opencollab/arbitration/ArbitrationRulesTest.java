package org.opencollab.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of docs/process-variables.md: what may start a dispute and what its tasks accept. */
@ApplicationTest
class ArbitrationRulesTest {

  @Autowired ProcessEngine engine;
  OpportunityDriver driver;
  String id;

  @BeforeEach
  void opportunityWithAgreement() {
    driver = new OpportunityDriver(engine);
    id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.signAll(id);
  }

  static List<Arguments> badDisputes() {
    return List.of(
        Arguments.of(
            "opportunityId", "OPP-NOT-THERE", "opportunityId: no opportunity OPP-NOT-THERE exists"),
        Arguments.of("opportunityId", null, "opportunityId: is required"),
        Arguments.of("disputeType", "MONEY", "disputeType: must be one of RESOURCE_ALLOCATION"),
        Arguments.of(
            "raisedByDepartment", "LEGAL", "raisedByDepartment: must be one of SALES, TECH"),
        Arguments.of(
            "againstDepartment",
            "DELIVERY",
            "againstDepartment: must differ from raisedByDepartment DELIVERY"),
        Arguments.of("description", "", "description: must be a non-empty text"),
        Arguments.of("amountAtStake", -1L, "amountAtStake: must be 0 or more"),
        Arguments.of(
            "amountAtStake", 10.001, "amountAtStake: must have at most two decimal places"));
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @MethodSource("badDisputes")
  void refusedDisputeLeavesNothingBehind(String variable, Object value, String message) {
    Map<String, Object> variables = dispute();
    variables.put(variable, value);
    long before =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("collaborationArbitration")
            .count();

    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey("collaborationArbitration", variables))
        .hasMessageContaining(message);

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("collaborationArbitration")
                .count())
        .isEqualTo(before);
  }

  @Test
  void amountAtStakeDefaultsToZeroAndCustomerTierComesFromTheOpportunity() {
    Map<String, Object> variables = dispute();
    variables.remove("amountAtStake");

    ProcessInstance dispute =
        engine.getRuntimeService().startProcessInstanceByKey("collaborationArbitration", variables);

    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "amountAtStake"))
        .isEqualTo(0L);
    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "customerTier"))
        .isEqualTo("KEY");
    assertThat(dispute.getBusinessKey()).isEqualTo(id);
  }

  @Test
  void aDisputeShowsTheSharesAndTheStageOfItsOpportunity() {
    ProcessInstance dispute =
        engine.getRuntimeService().startProcessInstanceByKey("collaborationArbitration", dispute());

    assertThat(
            engine.getRuntimeService().getVariable(dispute.getId(), "departmentShares").toString())
        .contains("\"SALES\":50", "\"TECH\":35", "\"DELIVERY\":15");
    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "opportunityStage"))
        .isEqualTo("Design solution, Prepare offer");
  }

  @Test
  void customerTierIsNotAFieldOfTheDisputeStart() {
    Map<String, Object> variables = dispute();
    variables.put("customerTier", "STRATEGIC");

    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey("collaborationArbitration", variables))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessageStartingWith("customerTier: is not a field of the start");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("collaborationArbitration")
                .processInstanceBusinessKey(id)
                .count())
        .isZero();
  }

  static List<Arguments> badCompletions() {
    return List.of(
        Arguments.of(
            "MediateDispute",
            "resolution: is required",
            OpportunityDriver.variables("mediationResolved", true)),
        Arguments.of(
            "MediateDispute",
            "adjustedShares: shares must sum to 100, got 110",
            OpportunityDriver.variables(
                "mediationResolved",
                true,
                "resolution",
                "r",
                "adjustedShares",
                "{\"SALES\": 60, \"TECH\": 35, \"DELIVERY\": 15}")),
        Arguments.of(
            "MediateDispute",
            "adjustedShares: keys must be exactly the involved departments",
            OpportunityDriver.variables(
                "mediationResolved",
                true,
                "resolution",
                "r",
                "adjustedShares",
                "{\"SALES\": 60, \"MARKETING\": 40}")),
        Arguments.of(
            "MediateDispute",
            "adjustedShares: must be Json",
            OpportunityDriver.variables(
                "mediationResolved", true, "resolution", "r", "adjustedShares", "SALES=60")),
        Arguments.of(
            "MediateDispute", "mediationResolved: is required", OpportunityDriver.variables()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badCompletions")
  void refusedMediationLeavesTheTaskOpen(
      String taskKey, String message, Map<String, Object> submitted) {
    engine.getRuntimeService().startProcessInstanceByKey("collaborationArbitration", dispute());
    Task task = driver.task(id, taskKey);

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), submitted))
        .hasMessageContaining(message);

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult())
        .isNotNull();
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(task.getProcessInstanceId(), "mediationResolved"))
        .isNull();
  }

  @Test
  void committeeTasksRefuseUnknownOptionsAndEmptyRulings() {
    Map<String, Object> variables = dispute();
    variables.put("amountAtStake", 1_000_000L);
    engine.getRuntimeService().startProcessInstanceByKey("collaborationArbitration", variables);
    Task vote = driver.tasks(id, "ArbitrationVote").get(0);

    assertThatThrownBy(() -> driver.complete(vote, "vote", "ABSTAIN", "voteRationale", "r"))
        .hasMessageContaining("vote: must be one of UPHOLD, REJECT, COMPROMISE, got ABSTAIN");
    assertThatThrownBy(() -> driver.complete(vote, "vote", "UPHOLD"))
        .hasMessageContaining("voteRationale: is required");

    for (Task ballot : driver.tasks(id, "ArbitrationVote")) {
      driver.complete(
          ballot,
          "vote",
          ballot.getAssignee().equals("frank")
              ? "UPHOLD"
              : ballot.getAssignee().equals("grace") ? "REJECT" : "COMPROMISE",
          "voteRationale",
          "r");
    }
    assertThatThrownBy(() -> driver.complete(id, "ChairRuling", "chairOption", "SPLIT"))
        .hasMessageContaining("chairOption: must be one of UPHOLD, REJECT, COMPROMISE");
    driver.complete(id, "ChairRuling", "chairOption", "REJECT");
    assertThatThrownBy(() -> driver.complete(id, "RecordRuling", "rulingText", " "))
        .hasMessageContaining("rulingText: must be a non-empty text");
  }

  private Map<String, Object> dispute() {
    return OpportunityDriver.variables(
        "opportunityId",
        id,
        "disputeType",
        "PRIORITY",
        "raisedByDepartment",
        "DELIVERY",
        "againstDepartment",
        "TECH",
        "description",
        "Delivery wants this opportunity first",
        "amountAtStake",
        1000L);
  }
}
