package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ratings and votes are sealed from everyone until the statement is approved or the dispute ruled;
 * the ruling carries the tally; a sponsor does not approve their own incentives.
 */
@ApplicationTest
class ConfidentialityTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private OpportunityDriver driver;
  private String id;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    driver = new OpportunityDriver(engine);
    id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
  }

  @Test
  void ratingsAreSealedFromEveryoneUntilTheStatementIsApproved() {
    deliverUntilEvaluation(id);
    rate("alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}");
    rate("bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}");
    // The coordinator's rating of the team (360°) is sealed the same way.
    driver.rateWorkedExampleTeamAsCoordinator(id);

    Task samsEvaluation = evaluationOf("sam");
    String instance = samsEvaluation.getProcessInstanceId();
    HttpResponse<String> visible =
        rest.get("/engine-rest/task/" + samsEvaluation.getId() + "/variables", "sam");
    assertThat(visible.statusCode()).isEqualTo(200);
    assertThat(visible.body()).doesNotContain("peerRatings").doesNotContain("\"sam\":2");
    for (String history :
        new String[] {
          "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId="
              + instance,
          "/engine-rest/history/detail?deserializeValues=false&processInstanceId=" + instance
        }) {
      assertThat(rest.get(history, "sam").statusCode()).as(history).isEqualTo(403);
      // Not even the auditor reads a rating before the statement is approved: it is sealed.
      HttpResponse<String> audited = rest.get(history, "ivan");
      assertThat(audited.statusCode()).as(history).isEqualTo(200);
      assertThat(audited.body()).doesNotContain("\\\"sam\\\": 2").doesNotContain("ratings");
    }

    rate("sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}");
    rate("carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");
    driver.runJobs(id);
    assertThat(engine.getRuntimeService().getVariable(instance, "incentiveStatement"))
        .as("computed from the sealed ratings")
        .isNotNull();
    assertThat(engine.getRuntimeService().getVariable(instance, "peerRatings"))
        .as("still sealed until the approval")
        .isNull();
    assertThat(engine.getRuntimeService().getVariable(instance, "coordinatorRatings"))
        .as("still sealed until the approval")
        .isNull();

    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("peerRatings")
                .singleResult()
                .getValue())
        .asString()
        .contains(
            "\"alice\":{\"bob\":5,\"carol\":4,\"sam\":2}",
            "\"carol\":{\"alice\":5,\"bob\":4,\"sam\":3}");
    // The coordinator's rating stays in its sealed answer, which the story shows oversight.
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("coordinatorRatings")
                .count())
        .isZero();
  }

  @Test
  void votesAreSealedFromEveryoneWhileVotingIsOpenAndTheRulingCarriesOnlyTheTally() {
    driver.signAll(id);
    ProcessInstance dispute = driver.raiseDispute(id, 2_000_000L);
    vote(dispute, "grace", "UPHOLD");

    Task heidisVote = voteOf(dispute, "heidi");
    HttpResponse<String> visible =
        rest.get("/engine-rest/task/" + heidisVote.getId() + "/variables", "heidi");
    assertThat(visible.statusCode()).isEqualTo(200);
    assertThat(visible.body()).doesNotContain("votes").doesNotContain("UPHOLD");
    String history =
        "/engine-rest/history/variable-instance?deserializeValues=false&variableName=vote"
            + "&processInstanceId="
            + dispute.getId();
    assertThat(rest.get(history, "heidi").statusCode()).isEqualTo(403);
    assertThat(rest.get(history, "ivan").body()).isEqualTo("[]");
    assertThat(engine.getRuntimeService().getVariables(dispute.getId()))
        .doesNotContainKeys("votes", "majorityOption", "tally");

    vote(dispute, "heidi", "UPHOLD");
    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "majorityOption"))
        .isEqualTo("UPHOLD");
    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "tally").toString())
        .isEqualTo("{\"UPHOLD\":2,\"REJECT\":0,\"COMPROMISE\":0}");
    driver.complete(id, "RecordRuling", "rulingText", "Delivery first");
    driver.runJobs(id);
    assertThat(driver.historicVariable(dispute, "votes").toString())
        .contains("\"grace\":{\"vote\":\"UPHOLD\"", "\"heidi\":{\"vote\":\"UPHOLD\"")
        .doesNotContain("frank");
    String rulings =
        String.valueOf(
            engine
                .getRuntimeService()
                .getVariable(driver.task(id, "PrepareOffer").getProcessInstanceId(), "rulings"));
    assertThat(rulings)
        .contains("\"tally\":{\"UPHOLD\":2")
        .doesNotContain("grace")
        .doesNotContain("thinks so");
  }

  @Test
  void theExecutiveSponsorDoesNotApproveTheirOwnOpportunitysIncentives() {
    String sponsored = newOpportunityId();
    driver.start(keyAccount(sponsored));
    driver.qualify(sponsored);
    driver.formTaskForce(sponsored);
    driver.draftAgreement(sponsored, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    deliverUntilEvaluation(sponsored);
    driver.evaluatePeers(
        sponsored,
        Map.of(
            "alice", "{\"bob\": 5, \"carol\": 4}",
            "bob", "{\"alice\": 4, \"carol\": 4}",
            "carol", "{\"alice\": 5, \"bob\": 4}"));
    driver.play(
        sponsored,
        WorkedOpportunity.rateTeamAsCoordinator("{\"alice\": 4, \"bob\": 4, \"carol\": 4}"));
    // The sponsor rates the team (360°), but does not approve its incentives.
    driver.play(
        sponsored,
        WorkedOpportunity.rateTeamAsSponsor(
            WorkedOpportunity.TASK_FORCE_SPONSOR, WorkedOpportunity.SPONSOR_RATINGS));
    driver.runJobs(sponsored);
    String approval = "/engine-rest/task/" + driver.task(sponsored, "ApproveIncentives").getId();

    HttpResponse<String> claimed =
        rest.postJson(approval + "/claim", "frank", "{\"userId\": \"frank\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(400);
    assertThat(claimed.body()).contains("executive sponsor does not approve its own incentives");
    HttpResponse<String> completed =
        rest.postJson(
            approval + "/complete",
            "frank",
            "{\"variables\": {\"incentivesApproved\": {\"value\": true}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(403);
    assertThat(driver.tasks(sponsored, "ApproveIncentives")).hasSize(1);
    assertThat(
            rest.postJson(
                    approval + "/complete",
                    "grace",
                    "{\"variables\": {\"incentivesApproved\": {\"value\": true}}}")
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void aVoteBelongsToItsMemberAndNobodyElse() {
    driver.signAll(id);
    ProcessInstance dispute = driver.raiseDispute(id, 2_000_000L);
    String gracesVote = "/engine-rest/task/" + voteOf(dispute, "grace").getId();

    HttpResponse<String> handedOn =
        rest.postJson(gracesVote + "/assignee", "erin", "{\"userId\": \"heidi\"}");
    assertThat(handedOn.statusCode()).as(handedOn.body()).isEqualTo(400);
    assertThat(handedOn.body()).contains("it is grace's own");
    assertThat(
            rest.postJson(gracesVote + "/delegate", "erin", "{\"userId\": \"frank\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            rest.postJson(
                    gracesVote + "/identity-links",
                    "erin",
                    "{\"groupId\": \"committee\", \"type\": \"candidate\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(voteOf(dispute, "grace")).isNotNull();
  }

  /** Signed, won for 2,000,000 CNY, delivered in one sprint, inputs reported: peers rate next. */
  private void deliverUntilEvaluation(String opportunityId) {
    driver.signAll(opportunityId);
    driver.designAndOffer(opportunityId);
    driver.negotiate(opportunityId, "WON", "contractValue", 2_000_000L);
    driver.deliver(opportunityId, 1);
    driver.complete(
        opportunityId, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.reportInputs(
        opportunityId,
        Map.of(
            "SALES", new int[] {120, 30000},
            "TECH", new int[] {300, 90000},
            "DELIVERY", new int[] {80, 20000}));
  }

  private void rate(String member, String ratings) {
    driver.complete(
        evaluationOf(member),
        "ratings",
        SpinValues.jsonValue(ratings).create(),
        "comments",
        "fine");
  }

  private Task evaluationOf(String member) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(id)
        .taskDefinitionKey("EvaluatePeers")
        .taskAssignee(member)
        .singleResult();
  }

  private void vote(ProcessInstance dispute, String member, String option) {
    driver.complete(
        voteOf(dispute, member), "vote", option, "voteRationale", member + " thinks so");
  }

  private Task voteOf(ProcessInstance dispute, String member) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(dispute.getId())
        .taskDefinitionKey("ArbitrationVote")
        .taskAssignee(member)
        .singleResult();
  }
}
