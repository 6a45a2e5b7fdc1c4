package org.opencollab.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One opportunity id, once, held by PostgreSQL: twenty simultaneous starts with one new id leave
 * exactly one instance, and every other start is refused naming {@code opportunityId}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class OpportunityIdOnPostgresIT {

  private static final int STARTS = 20;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("opportunity_ids")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void twentySimultaneousStartsWithOneIdLeaveOneInstance() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    String id = "OPP-SAME-" + System.currentTimeMillis();
    String body =
        "{\"variables\": {\"opportunityId\": {\"value\": \""
            + id
            + "\"},"
            + " \"customerName\": {\"value\": \"Shanghai Metro\"}, \"title\": {\"value\": \"Passenger analytics\"},"
            + " \"customerTier\": {\"value\": \"KEY\"}, \"estimatedValue\": {\"value\": 2000000, \"type\": \"Long\"},"
            + " \"technicalComplexity\": {\"value\": \"MEDIUM\"}, \"customizationRequired\": {\"value\": false},"
            + " \"newProduct\": {\"value\": false}, \"source\": {\"value\": \"SALES\"}, \"accountManager\": {\"value\": \"alice\"}}}";

    ExecutorService clients = Executors.newFixedThreadPool(STARTS);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int client = 0; client < STARTS; client++) {
      String user = client % 2 == 0 ? "alice" : "sam";
      responses.add(
          clients.submit(
              () -> {
                gate.await();
                return rest.postJson(
                    "/engine-rest/process-definition/key/opportunityToDelivery/start", user, body);
              }));
    }
    gate.countDown();
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> refusals = new ArrayList<>();
    for (Future<HttpResponse<String>> response : responses) {
      HttpResponse<String> answer = response.get();
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      if (answer.statusCode() != 200) {
        refusals.add(answer.body());
      }
    }
    clients.shutdown();

    System.out.printf("concurrent starts with one id: %d starts, answers %s%n", STARTS, statuses);
    assertThat(statuses).containsEntry(200, 1);
    assertThat(statuses.keySet())
        .allMatch(status -> status == 200 || status == 400 || status == 409);
    assertThat(refusals).hasSize(STARTS - 1).allMatch(refusal -> refusal.contains("opportunityId"));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM COLLAB_OPPORTUNITY_ID WHERE OPPORTUNITY_ID_ = ?",
                Long.class,
                id))
        .isEqualTo(1L);
  }

  /**
   * Starts that leave the id empty each get their own number; the starter is the account manager.
   */
  @Test
  void twentySimultaneousStartsWithoutIdGetTwentyNumbers() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    String body =
        "{\"variables\": {\"opportunityId\": {\"value\": \"\"},"
            + " \"customerName\": {\"value\": \"Shanghai Metro\"}, \"title\": {\"value\": \"Passenger analytics\"},"
            + " \"customerTier\": {\"value\": \"KEY\"}, \"estimatedValue\": {\"value\": 2000000, \"type\": \"Long\"},"
            + " \"technicalComplexity\": {\"value\": \"MEDIUM\"}, \"customizationRequired\": {\"value\": false},"
            + " \"newProduct\": {\"value\": false}, \"source\": {\"value\": \"SALES\"}}}";
    ExecutorService clients = Executors.newFixedThreadPool(STARTS);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int client = 0; client < STARTS; client++) {
      responses.add(
          clients.submit(
              () -> {
                gate.await();
                return rest.postJson(
                    "/engine-rest/process-definition/key/opportunityToDelivery/start", "sam", body);
              }));
    }
    gate.countDown();
    List<String> ids = new ArrayList<>();
    for (Future<HttpResponse<String>> response : responses) {
      HttpResponse<String> answer = response.get();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      ids.add(answer.body().replaceAll(".*\"businessKey\":\"([^\"]+)\".*", "$1"));
    }
    clients.shutdown();
    System.out.printf("starts without id: %s%n", ids);
    assertThat(ids)
        .hasSize(STARTS)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("OPP-" + java.time.Year.now().getValue() + "-\\d{4,}"));
    for (String id : ids) {
      assertThat(
              historyService
                  .createHistoricVariableInstanceQuery()
                  .processInstanceIdIn(
                      historyService
                          .createHistoricProcessInstanceQuery()
                          .processInstanceBusinessKey(id)
                          .singleResult()
                          .getId())
                  .variableName("accountManager")
                  .singleResult()
                  .getValue())
          .isEqualTo("sam");
    }
  }
}
