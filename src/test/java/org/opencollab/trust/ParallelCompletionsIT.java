package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.strategicAccount;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two people finishing parallel tasks of one opportunity at the same instant both succeed, on
 * PostgreSQL over {@code /engine-rest}: all sign-offs of four opportunities at once, and the votes
 * of four committees at once, where a vote sent after the majority closed the voting is told so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ParallelCompletionsIT {

  private static final Map<String, String> SIGNER =
      Map.of("sales", "sam", "tech", "bob", "delivery", "carol");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("parallel_completions")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void twelveSignOffsAtTheSameInstantAreAllAccepted() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    List<String> ids = new ArrayList<>();
    List<Callable<HttpResponse<String>>> signOffs = new ArrayList<>();
    for (int opportunity = 0; opportunity < 4; opportunity++) {
      String id = newOpportunityId();
      ids.add(id);
      driver.start(keyAccount(id));
      driver.qualify(id);
      driver.formWorkedExampleTeam(id);
      driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
      for (String group : SIGNER.keySet()) {
        Task signOff =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("SignCollaborationAgreement")
                .taskCandidateGroup(group)
                .singleResult();
        signOffs.add(
            () ->
                rest.postJson(
                    "/engine-rest/task/" + signOff.getId() + "/complete",
                    SIGNER.get(group),
                    "{\"variables\": {\"agreementApproved\": {\"value\": true}}}"));
      }
    }

    Map<Integer, Integer> statuses = atOnce(signOffs);

    System.out.printf("12 sign-offs at once: %s%n", statuses);
    assertThat(statuses).containsOnlyKeys(204);
    for (String id : ids) {
      String instance =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(id)
              .singleResult()
              .getId();
      assertThat(engine.getRuntimeService().getVariable(instance, "agreementSignatures").toString())
          .contains("\"SALES\"", "\"TECH\"", "\"DELIVERY\"");
      assertThat(driver.tasks(id, "SignCollaborationAgreement")).isEmpty();
      assertThat(driver.tasks(id, "PrepareOffer")).hasSize(1);
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void techsAndSalesPartsOfThePressReleaseAtTheSameInstantAreBothAccepted() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    List<String> ids = new ArrayList<>();
    List<Callable<HttpResponse<String>>> parts = new ArrayList<>();
    for (int opportunity = 0; opportunity < 4; opportunity++) {
      String id = newOpportunityId();
      ids.add(id);
      driver.start(strategicAccount(id));
      driver.qualify(id);
      driver.formTaskForce(id);
      driver.complete(id, "DraftPressRelease", "pressRelease", "Riders see their train.");
      for (String group : List.of("sales", "tech")) {
        Task part =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("CompletePressRelease")
                .taskCandidateGroup(group)
                .singleResult();
        parts.add(
            () ->
                rest.postJson(
                    "/engine-rest/task/" + part.getId() + "/complete",
                    SIGNER.get(group),
                    "{\"variables\": {\"pressReleaseContribution\": {\"value\": \"The part of "
                        + group
                        + "\"}}}"));
      }
    }

    Map<Integer, Integer> statuses = atOnce(parts);

    System.out.printf("8 parts of press releases at once: %s%n", statuses);
    assertThat(statuses).containsOnlyKeys(204);
    for (String id : ids) {
      assertThat(driver.tasks(id, "CompletePressRelease")).isEmpty();
      assertThat(driver.tasks(id, "DraftCollaborationAgreement")).hasSize(1);
      String instance =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(id)
              .singleResult()
              .getId();
      assertThat(
              engine
                  .getRuntimeService()
                  .getVariable(instance, "pressReleaseContributions")
                  .toString())
          .contains("\"SALES\":\"The part of sales\"", "\"TECH\":\"The part of tech\"");
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void votesAtTheSameInstantAreAcceptedOrToldTheVotingClosed() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    List<String> disputes = new ArrayList<>();
    List<Callable<HttpResponse<String>>> votes = new ArrayList<>();
    Map<String, String> ballots = Map.of("frank", "UPHOLD", "grace", "UPHOLD", "heidi", "REJECT");
    for (int dispute = 0; dispute < 30; dispute++) {
      String id = newOpportunityId();
      driver.start(keyAccount(id));
      driver.qualify(id);
      driver.formWorkedExampleTeam(id);
      String instance = driver.raiseDispute(id, 2_000_000L).getId();
      disputes.add(instance);
      for (Task vote :
          engine.getTaskService().createTaskQuery().processInstanceId(instance).list()) {
        votes.add(
            () ->
                rest.postJson(
                    "/engine-rest/task/" + vote.getId() + "/complete",
                    vote.getAssignee(),
                    "{\"variables\": {\"vote\": {\"value\": \""
                        + ballots.get(vote.getAssignee())
                        + "\"}, \"voteRationale\": {\"value\": \"as I see it\"}}}"));
      }
    }

    List<HttpResponse<String>> answers = new ArrayList<>();
    Map<Integer, Integer> statuses = atOnce(votes, answers);

    System.out.printf("%d votes at once: %s%n", votes.size(), statuses);
    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(204, 404));
    assertThat(answers)
        .filteredOn(answer -> answer.statusCode() == 404)
        .allSatisfy(answer -> assertThat(answer.body()).contains("the voting has closed"));
    for (String dispute : disputes) {
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(dispute)
                  .variableName("majorityOption")
                  .singleResult()
                  .getValue())
          .isEqualTo("UPHOLD");
    }
  }

  private static Map<Integer, Integer> atOnce(List<Callable<HttpResponse<String>>> calls)
      throws Exception {
    return atOnce(calls, new ArrayList<>());
  }

  private static Map<Integer, Integer> atOnce(
      List<Callable<HttpResponse<String>>> calls, List<HttpResponse<String>> answers)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(calls.size());
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> pending = new ArrayList<>();
    for (Callable<HttpResponse<String>> call : calls) {
      pending.add(
          clients.submit(
              () -> {
                gate.await();
                return call.call();
              }));
    }
    gate.countDown();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Future<HttpResponse<String>> answer : pending) {
      answers.add(answer.get());
      statuses.merge(answer.get().statusCode(), 1, Integer::sum);
    }
    clients.shutdown();
    return statuses;
  }
}
