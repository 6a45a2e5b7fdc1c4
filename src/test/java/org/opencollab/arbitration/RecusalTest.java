package org.opencollab.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.strategicAccount;
import static org.opencollab.support.OpportunityDriver.variables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ProcessTest;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No judge in their own case (DMN {@code committeeRecusal}): the opportunity's executive sponsor, a
 * member of its team and a member of a department party to the dispute stand aside from the vote;
 * the majority counts over the members who vote, and with fewer than two of them the chair rules.
 */
@ProcessTest
class RecusalTest {

  @Autowired ProcessEngine engine;
  IdentityService identity;
  OpportunityDriver driver;
  String id;
  ProcessInstance opportunity;
  private final List<Runnable> undo = new ArrayList<>();

  @BeforeEach
  void taskForceSponsoredByFrankWithGraceOnTheTeam() {
    BpmnAwareTests.init(engine);
    identity = engine.getIdentityService();
    driver = new OpportunityDriver(engine);
    // grace joins marketing, so she can be on the team; heidi joins delivery, a party below.
    joinGroup("grace", "marketing");
    joinGroup("heidi", "delivery");
    id = newOpportunityId();
    opportunity = driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formSponsoredTeam(
        id,
        "frank",
        """
        [{"userId": "alice", "department": "SALES"}, {"userId": "bob", "department": "TECH"},
         {"userId": "carol", "department": "DELIVERY"}, {"userId": "grace", "department": "MARKETING"}]""");
  }

  @AfterEach
  void restoreTheCommittee() {
    undo.forEach(Runnable::run);
    undo.clear();
  }

  @Test
  void sponsorTeamMemberAndPartyDepartmentStandAsideAndTheOthersDecideByTheirOwnMajority() {
    newCommitteeMember("kai");
    newCommitteeMember("lin");
    ProcessInstance dispute = raise();

    assertThat(driver.tasks(id, "ArbitrationVote"))
        .extracting(Task::getAssignee)
        .containsExactly("kai", "lin");
    assertThat(recusals(dispute))
        .containsExactly(
            "frank: Executive sponsor of the opportunity / 商机的高管发起人",
            "grace: Member of the opportunity's team / 商机团队成员",
            "heidi: Member of a department party to the dispute / 争议一方部门的成员");

    vote("kai", "REJECT");
    assertThat(driver.tasks(id, "ArbitrationVote")).hasSize(1);
    vote("lin", "REJECT");
    BpmnAwareTests.assertThat(dispute).isWaitingAt("RecordRuling").hasNotPassed("ChairRuling");
    assertThat(driver.variable(dispute, "majorityOption")).isEqualTo("REJECT");
  }

  @Test
  void withFewerThanTwoWhoMayVoteTheChairRules() {
    ProcessInstance dispute = raise();

    assertThat(driver.tasks(id, "ArbitrationVote")).isEmpty();
    BpmnAwareTests.assertThat(dispute).isWaitingAt("ChairRuling");
    assertThat(recusals(dispute)).hasSize(3);
    assertThat(driver.variable(dispute, "eligibleVoters")).isEqualTo(List.of());
    driver.complete(id, "ChairRuling", "chairOption", "COMPROMISE");
    driver.complete(id, "RecordRuling", "rulingText", "Split the sprint");
    driver.runJobs(id);
    SpinJsonNode ruling = (SpinJsonNode) driver.historicVariable(dispute, "ruling");
    assertThat(ruling.prop("decidedBy").stringValue()).isEqualTo("CHAIR");
    assertThat(ruling.prop("tally").isNull()).isTrue();
  }

  private ProcessInstance raise() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "collaborationArbitration",
            variables(
                "opportunityId", id,
                "disputeType", "RESOURCE_ALLOCATION",
                "raisedByDepartment", "DELIVERY",
                "againstDepartment", "TECH",
                "description", "Who staffs the pilot",
                "amountAtStake", 2_000_000L));
  }

  private List<String> recusals(ProcessInstance dispute) {
    List<String> found = new ArrayList<>();
    for (SpinJsonNode recusal : ((SpinJsonNode) driver.variable(dispute, "recusals")).elements()) {
      found.add(recusal.prop("userId").stringValue() + ": " + recusal.prop("reason").stringValue());
    }
    return found;
  }

  private void vote(String member, String option) {
    Task vote =
        driver.tasks(id, "ArbitrationVote").stream()
            .filter(task -> member.equals(task.getAssignee()))
            .findFirst()
            .orElseThrow();
    driver.complete(vote, "vote", option, "voteRationale", member + " weighed it");
  }

  private void joinGroup(String userId, String groupId) {
    identity.createMembership(userId, groupId);
    undo.add(() -> identity.deleteMembership(userId, groupId));
  }

  private void newCommitteeMember(String userId) {
    User user = identity.newUser(userId);
    user.setPassword("Kai-and-Lin-2026!");
    identity.saveUser(user);
    identity.createMembership(userId, "committee");
    undo.add(() -> identity.deleteUser(userId));
  }
}
