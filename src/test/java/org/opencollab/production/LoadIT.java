package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.RestOpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sixteen clients work forty opportunities for 60 seconds over {@code /engine-rest}, on PostgreSQL
 * with the job executor running: each client picks an opportunity, one of its open tasks, and
 * completes it as a user who may (the assignee, or a member of a candidate group). Even-numbered
 * opportunities are won, odd ones lost. Two clients may pick the same task; the second is told it
 * has ended (404). No answer is a 5xx, no incident arises, no instance is stuck, and every ended
 * opportunity carries its one statement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class LoadIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 16;
  private static final int OPPORTUNITIES = 40;
  private static final Duration RUN = Duration.ofSeconds(60);
  private static final Map<String, List<String>> MEMBERS =
      Map.of(
          "sales", List.of("alice", "sam"),
          "tech", List.of("bob", "tina"),
          "delivery", List.of("carol"),
          "coordinators", List.of("erin"),
          "committee", List.of("frank", "grace", "heidi"));

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("load")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void sixteenClientsWorkFortyOpportunitiesForAMinute() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    RestOpportunityDriver driver = new RestOpportunityDriver(rest, "/engine-rest");
    long stamp = System.currentTimeMillis();
    List<String> ids = new ArrayList<>();
    Map<String, String> instances = new LinkedHashMap<>();
    for (int n = 0; n < OPPORTUNITIES; n++) {
      String id = "OPP-LOAD-" + n + "-" + stamp;
      ids.add(id);
      instances.put(id, driver.start(id));
    }

    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Instant end = Instant.now().plus(RUN);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Object>> running = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      running.add(
          clients.submit(
              () -> {
                while (Instant.now().isBefore(end)) {
                  String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                  HttpResponse<String> answer = workOneTask(rest, id, ids.indexOf(id) % 2 == 0);
                  if (answer == null) {
                    Thread.sleep(20); // nothing to do there just now
                    continue;
                  }
                  statuses.merge(answer.statusCode(), 1, Integer::sum);
                  if (answer.statusCode() >= 500 || answer.statusCode() == 400) {
                    failures.add(answer.statusCode() + " " + answer.body());
                  }
                }
                return null;
              }));
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(RUN.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
    for (Future<Object> client : running) {
      client.get(); // a client that stopped early says why
    }
    await("the calculations the clients made due")
        .atMost(Duration.ofSeconds(60))
        .until(() -> engine.getManagementService().createJobQuery().executable().count() == 0);

    Map<String, Integer> ended = new TreeMap<>();
    int unfinished = 0;
    for (Map.Entry<String, String> opportunity : instances.entrySet()) {
      String instance = opportunity.getValue();
      HistoricProcessInstance history =
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(instance)
              .singleResult();
      if (history.getEndTime() == null) {
        unfinished++;
        long open = engine.getTaskService().createTaskQuery().processInstanceId(instance).count();
        long jobs =
            engine.getManagementService().createJobQuery().processInstanceId(instance).count();
        long disputes =
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(instance)
                .count();
        assertThat(open + jobs + disputes)
            .as("%s waits for a task, a job or a dispute", opportunity.getKey())
            .isPositive();
        continue;
      }
      String outcome = (String) variable(instance, "finalOutcome");
      ended.merge(outcome, 1, Integer::sum);
      boolean won = ids.indexOf(opportunity.getKey()) % 2 == 0;
      assertThat(outcome).isEqualTo(won ? "DELIVERED" : "LOST");
      String statement = won ? "incentiveStatement" : "lossStatement";
      assertThat(writes(instance, statement)).as("%s of %s", statement, instance).isEqualTo(1);
      if (won) {
        assertThat(((SpinJsonNode) variable(instance, statement)).prop("bonusPool").stringValue())
            .isEqualTo("40000.00");
      }
    }
    long incidents = engine.getRuntimeService().createIncidentQuery().count();
    System.out.printf(
        "%d clients, %d opportunities, %d s: completions %s; ended %s, running %d; incidents %d%n",
        CLIENTS,
        OPPORTUNITIES,
        RUN.toSeconds(),
        new TreeMap<>(statuses),
        ended,
        unfinished,
        incidents);
    assertThat(failures).isEmpty();
    assertThat(statuses.keySet()).allMatch(status -> status == 204 || status == 404);
    assertThat(statuses.get(204)).isGreaterThan(200);
    assertThat(incidents).isZero();
  }

  /** Completes one open task of the opportunity, or returns null when it has none just now. */
  private HttpResponse<String> workOneTask(RestClient rest, String id, boolean won) {
    JsonNode tasks = read(rest.get("/engine-rest/task?processInstanceBusinessKey=" + id, "olivia"));
    if (tasks.isEmpty()) {
      return null;
    }
    JsonNode task = tasks.get(ThreadLocalRandom.current().nextInt(tasks.size()));
    String taskId = task.path("id").asText();
    String user = task.path("assignee").isNull() ? null : task.path("assignee").asText();
    String group = null;
    if (user == null) {
      for (JsonNode link :
          read(rest.get("/engine-rest/task/" + taskId + "/identity-links", "olivia"))) {
        if ("candidate".equals(link.path("type").asText()) && !link.path("groupId").isNull()) {
          group = link.path("groupId").asText();
        }
      }
      // none when the task ended meanwhile and its links went with it
      List<String> members = group == null ? null : MEMBERS.get(group);
      if (members == null) {
        return null;
      }
      user = members.get(ThreadLocalRandom.current().nextInt(members.size()));
    }
    Map<String, Object> values =
        RestOpportunityDriver.entered(task.path("taskDefinitionKey").asText(), user, group, won);
    try {
      return rest.postJson(
          "/engine-rest/task/" + taskId + "/complete",
          user,
          JSON.writeValueAsString(Map.of("variables", values)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Object variable(String instance, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance)
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private long writes(String instance, String name) {
    return engine
        .getHistoryService()
        .createHistoricDetailQuery()
        .processInstanceId(instance)
        .variableUpdates()
        .list()
        .stream()
        .filter(update -> name.equals(((HistoricVariableUpdate) update).getVariableName()))
        .count();
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
    }
  }
}
