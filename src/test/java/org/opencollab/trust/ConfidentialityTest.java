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
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ratings and votes stay confidential until the statement or the ruling is computed. */
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
  void raterCannotReadTheOthersRatingsBeforeRating() {
    driver.signAll(id);
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
    driver.deliver(id, 1);
    driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.reportInputs(
        id,
        Map.of(
            "SALES",
            new int[] {120, 30000},
            "TECH",
            new int[] {300, 90000},
            "DELIVERY",
            new int[] {80, 20000}));
    rate("alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}");
    rate("bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}");

    Task samsEvaluation = evaluationOf("sam");
    HttpResponse<String> visible =
        rest.get("/engine-rest/task/" + samsEvaluation.getId() + "/variables", "sam");
    assertThat(visible.statusCode()).isEqualTo(200);
    assertThat(visible.body())
        .doesNotContain("peerRatings")
        .doesNotContain("\"sam\":2")
        .doesNotContain("\\\"sam\\\":2")
        .doesNotContain("\\\"sam\\\": 2");
    String instance = samsEvaluation.getProcessInstanceId();
    for (String history :
        new String[] {
          "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId="
              + instance,
          "/engine-rest/history/detail?deserializeValues=false&processInstanceId=" + instance
        }) {
      HttpResponse<String> refused = rest.get(history, "sam");
      assertThat(refused.statusCode()).as(history).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("\\\"sam\\\": 2");
    }
    HttpResponse<String> audited =
        rest.get(
            "/engine-rest/history/variable-instance?deserializeValues=false&variableName=ratings"
                + "&processInstanceId="
                + instance,
            "ivan");
    assertThat(audited.statusCode()).isEqualTo(200);
    assertThat(audited.body()).contains("\\\"sam\\\": 2");

    rate("sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}");
    rate("carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");
    driver.runJobs(id);
    String peerRatings =
        engine
            .getRuntimeService()
            .getVariable(samsEvaluation.getProcessInstanceId(), "peerRatings")
            .toString();
    assertThat(peerRatings)
        .contains(
            "\"alice\":{\"bob\":5,\"carol\":4,\"sam\":2}",
            "\"carol\":{\"alice\":5,\"bob\":4,\"sam\":3}");
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(samsEvaluation.getProcessInstanceId(), "incentiveStatement"))
        .isNotNull();
  }

  @Test
  void committeeMemberCannotReadTheOthersVotesWhileVotingIsOpen() {
    driver.signAll(id);
    ProcessInstance dispute = driver.raiseDispute(id, 2_000_000L);
    vote(dispute, "grace", "UPHOLD");

    Task heidisVote = voteOf(dispute, "heidi");
    HttpResponse<String> visible =
        rest.get("/engine-rest/task/" + heidisVote.getId() + "/variables", "heidi");
    assertThat(visible.statusCode()).isEqualTo(200);
    assertThat(visible.body()).doesNotContain("votes").doesNotContain("UPHOLD");
    assertThat(
            rest.get(
                    "/engine-rest/history/variable-instance?deserializeValues=false&variableName=vote"
                        + "&processInstanceId="
                        + dispute.getId(),
                    "heidi")
                .statusCode())
        .isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariables(dispute.getId()))
        .doesNotContainKeys("votes", "majorityOption");

    vote(dispute, "heidi", "UPHOLD");
    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "majorityOption"))
        .isEqualTo("UPHOLD");
    assertThat(engine.getRuntimeService().getVariable(dispute.getId(), "votes").toString())
        .contains("\"grace\":{\"vote\":\"UPHOLD\"", "\"heidi\":{\"vote\":\"UPHOLD\"")
        .doesNotContain("frank");
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
