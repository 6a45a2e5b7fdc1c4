package org.opencollab.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One opportunity from start to {@code DELIVERED}, worked only through {@code /engine-rest} with
 * HTTP Basic auth, each task by a demo user of the group or the assignee that owns it, on a real
 * PostgreSQL server with the job executor running (as the default run does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class OpportunityOverRestIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("opportunity_rest")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
  }

  @Test
  void demoUsersWorkAnOpportunityToDeliveredOverRest() throws Exception {
    String id = "OPP-REST-" + System.currentTimeMillis();
    HttpResponse<String> started =
        rest.postJson(
            "/engine-rest/process-definition/key/opportunityToDelivery/start",
            "alice",
            variables(
                Map.of(
                    "opportunityId",
                    string(id),
                    "customerName",
                    string("Shanghai Metro / 上海地铁"),
                    "title",
                    string("Passenger analytics"),
                    "customerTier",
                    string("KEY"),
                    "estimatedValue",
                    typed("2000000", "Long"),
                    "technicalComplexity",
                    string("MEDIUM"),
                    "customizationRequired",
                    typed("false", "Boolean"),
                    "newProduct",
                    typed("false", "Boolean"),
                    "source",
                    string("SALES"),
                    "accountManager",
                    string("alice"))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    complete(
        "alice",
        task(id, "QualifyOpportunity", "alice"),
        Map.of("qualified", typed("true", "Boolean")));
    complete(
        "erin",
        task(id, "FormTeam", "erin"),
        Map.of(
            "solutionManager",
            string("bob"),
            "deliveryManager",
            string("carol"),
            "teamMembers",
            json(
                """
            [{"userId": "alice", "department": "SALES"}, {"userId": "sam", "department": "SALES"},
             {"userId": "bob", "department": "TECH"}, {"userId": "carol", "department": "DELIVERY"}]""")));
    complete(
        "erin",
        task(id, "DraftCollaborationAgreement", "erin"),
        Map.of(
            "departmentShares",
            json("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}"),
            "departmentCommitments",
            json(
                "{\"SALES\": {\"people\": 2, \"days\": 15}, \"TECH\": {\"people\": 3, \"days\":"
                    + " 20}, \"DELIVERY\": {\"people\": 4, \"days\": 30}}"),
            "customerDataOwner",
            string("SALES"),
            "dataAccessRules",
            string("Sales owns the data; tech analyses it anonymised")));

    String salesSignOff = taskOfGroup(id, "SignCollaborationAgreement", "sales", "alice");
    HttpResponse<String> forbidden =
        rest.postJson(
            "/engine-rest/task/" + salesSignOff + "/complete",
            "dave",
            variables(Map.of("agreementApproved", typed("true", "Boolean"))));
    assertThat(forbidden.statusCode())
        .as("marketing completes a sales task: " + forbidden.body())
        .isEqualTo(403);
    assertThat(rest.get("/engine-rest/task/" + salesSignOff, "alice").statusCode()).isEqualTo(200);

    complete("alice", salesSignOff, Map.of("agreementApproved", typed("true", "Boolean")));
    complete(
        "tina",
        taskOfGroup(id, "SignCollaborationAgreement", "tech", "tina"),
        Map.of("agreementApproved", typed("true", "Boolean")));
    complete(
        "carol",
        taskOfGroup(id, "SignCollaborationAgreement", "delivery", "carol"),
        Map.of("agreementApproved", typed("true", "Boolean")));

    complete(
        "bob",
        task(id, "DesignSolution", "bob"),
        Map.of(
            "solutionSummary",
            string("Streaming analytics"),
            "estimatedEffortDays",
            typed("120", "Integer")));
    complete(
        "alice", task(id, "PrepareOffer", "alice"), Map.of("offerValue", typed("2100000", "Long")));
    complete(
        "bob",
        task(id, "SupportNegotiation", "bob"),
        Map.of("technicalCommitments", string("99.9 % availability")));
    complete(
        "alice",
        task(id, "NegotiateDeal", "alice"),
        Map.of("negotiationOutcome", string("WON"), "contractValue", typed("2000000", "Long")));
    complete(
        "carol", task(id, "PlanDelivery", "carol"), Map.of("sprintCount", typed("1", "Integer")));
    complete(
        "carol", task(id, "ReviewSprint", "carol"), Map.of("sprintStatus", string("ON_TRACK")));
    complete(
        "alice",
        task(id, "AcceptDelivery", "alice"),
        Map.of(
            "accepted",
            typed("true", "Boolean"),
            "realizedRevenue",
            typed("2000000.00", "Double")));

    complete(
        "sam",
        taskOfGroup(id, "ReportDepartmentInput", "sales", "sam"),
        Map.of("inputHours", typed("120", "Integer"), "inputCost", typed("30000", "Long")));
    complete(
        "tina",
        taskOfGroup(id, "ReportDepartmentInput", "tech", "tina"),
        Map.of("inputHours", typed("300", "Integer"), "inputCost", typed("90000", "Long")));
    complete(
        "carol",
        taskOfGroup(id, "ReportDepartmentInput", "delivery", "carol"),
        Map.of("inputHours", typed("80", "Integer"), "inputCost", typed("20000", "Long")));

    Map<String, String> ratings =
        Map.of(
            "alice",
            "{\"sam\": 2, \"bob\": 5, \"carol\": 4}",
            "sam",
            "{\"alice\": 5, \"bob\": 5, \"carol\": 4}",
            "bob",
            "{\"alice\": 4, \"sam\": 2, \"carol\": 3}",
            "carol",
            "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");
    for (Map.Entry<String, String> rater : ratings.entrySet()) {
      complete(
          rater.getKey(),
          task(id, "EvaluatePeers", rater.getKey()),
          Map.of("ratings", json(rater.getValue())));
    }
    // 360°: a coordinator rates the team too, sealed like the peers.
    complete(
        "erin",
        taskOfGroup(id, "RateTeamAsCoordinator", "coordinators", "erin"),
        Map.of("ratings", json("{\"alice\": 5, \"sam\": 2, \"bob\": 5, \"carol\": 4}")));

    // The job executor calculates the incentives; the committee then sees the approval task.
    String approval =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> findTask(id, "ApproveIncentives", "grace"), found -> found != null);
    complete("grace", approval, Map.of("incentivesApproved", typed("true", "Boolean")));

    JsonNode process =
        JSON.readTree(
            rest.get("/engine-rest/history/process-instance/" + instanceId, "ivan").body());
    assertThat(process.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(historicValue(instanceId, "finalOutcome").asText()).isEqualTo("DELIVERED");
    JsonNode statement = JSON.readTree(historicValue(instanceId, "incentiveStatement").asText());
    assertThat(statement.path("bonusPool").asText()).isEqualTo("40000.00");
    List<String> bonuses = new ArrayList<>();
    statement
        .path("members")
        .forEach(
            member ->
                bonuses.add(member.path("userId").asText() + "=" + member.path("bonus").asText()));
    assertThat(bonuses)
        .containsExactly("alice=20000.00", "bob=14000.00", "carol=6000.00", "sam=0.00");
  }

  private JsonNode historicValue(String instanceId, String name) throws Exception {
    JsonNode found =
        JSON.readTree(
            rest.get(
                    "/engine-rest/history/variable-instance?processInstanceId="
                        + instanceId
                        + "&variableName="
                        + name
                        + "&deserializeValues=false",
                    "ivan")
                .body());
    assertThat(found).as("historic %s", name).isNotEmpty();
    return found.get(0).path("value");
  }

  private String task(String id, String taskKey, String user) {
    String found = findTask(id, taskKey, user);
    assertThat(found).as("%s sees task %s", user, taskKey).isNotNull();
    return found;
  }

  private String taskOfGroup(String id, String taskKey, String group, String user)
      throws Exception {
    JsonNode tasks =
        JSON.readTree(
            rest.get(
                    "/engine-rest/task?processInstanceBusinessKey="
                        + encode(id)
                        + "&taskDefinitionKey="
                        + taskKey
                        + "&candidateGroup="
                        + group,
                    user)
                .body());
    assertThat(tasks).as("%s sees the %s task of %s", user, taskKey, group).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private String findTask(String id, String taskKey, String user) {
    try {
      JsonNode tasks =
          JSON.readTree(
              rest.get(
                      "/engine-rest/task?processInstanceBusinessKey="
                          + encode(id)
                          + "&taskDefinitionKey="
                          + taskKey
                          + "&withCandidateGroups=false&sortBy=id&sortOrder=asc",
                      user)
                  .body());
      for (JsonNode task : tasks) {
        if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
          return task.path("id").asText();
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void complete(String user, String taskId, Map<String, Map<String, Object>> values) {
    HttpResponse<String> response =
        rest.postJson("/engine-rest/task/" + taskId + "/complete", user, variables(values));
    assertThat(response.statusCode())
        .as("%s completes %s: %s", user, taskId, response.body())
        .isEqualTo(204);
  }

  private static String variables(Map<String, Map<String, Object>> values) {
    try {
      return JSON.writeValueAsString(Map.of("variables", values));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  private static Map<String, Object> typed(String value, String type) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put(
        "value",
        switch (type) {
          case "Boolean" -> Boolean.valueOf(value);
          case "Integer" -> Integer.valueOf(value);
          case "Long" -> Long.valueOf(value);
          default -> Double.valueOf(value);
        });
    typed.put("type", type);
    return typed;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
