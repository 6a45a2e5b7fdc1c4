package org.opencollab.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.RestOpportunityDriver.json;
import static org.opencollab.support.RestOpportunityDriver.string;
import static org.opencollab.support.RestOpportunityDriver.typed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.RestOpportunityDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The story of a delivered opportunity whose sign-off TECH rejected and the committee decided,
 * worked over REST by the demo users on PostgreSQL, read back through {@code
 * /api/opportunities/{id}/story}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class OpportunityStoryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("story")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;

  @Test
  void theStoryOfADeliveredOpportunityWithACommitteeRuling() throws Exception {
    RestClient rest = new RestClient("http://localhost:" + port);
    RestOpportunityDriver driver = new RestOpportunityDriver(rest, "/engine-rest");
    String id = "OPP-STORY-" + System.currentTimeMillis();
    String instance = driver.start(id);
    for (String[] step :
        new String[][] {
          {"alice", "QualifyOpportunity", null},
          {"erin", "FormTeam", null},
          {"erin", "DraftCollaborationAgreement", null},
          {"alice", "SignCollaborationAgreement", "sales"},
          {"carol", "SignCollaborationAgreement", "delivery"}
        }) {
      driver.complete(
          step[0], id, step[1], RestOpportunityDriver.entered(step[1], step[0], step[2], true));
    }
    driver.complete(
        "tina",
        id,
        "SignCollaborationAgreement",
        Map.of(
            "agreementApproved", typed(false, "Boolean"),
            "rejectionCategory", string("INCENTIVE_SPLIT"),
            "rejectionReason", string("Tech carries the delivery risk")));
    driver.awaitTask("grace", id, "ArbitrationVote", Duration.ofSeconds(60));
    driver.complete(
        "grace",
        id,
        "ArbitrationVote",
        Map.of("vote", string("COMPROMISE"), "voteRationale", string("Both sides have a point")));
    driver.complete(
        "heidi",
        id,
        "ArbitrationVote",
        Map.of("vote", string("COMPROMISE"), "voteRationale", string("Share the risk")));
    driver.complete(
        "frank",
        id,
        "RecordRuling",
        Map.of(
            "rulingText", string("Tech's share rises by five points"),
            "adjustedShares", json("{\"SALES\": 45, \"TECH\": 40, \"DELIVERY\": 15}")));
    driver.awaitTask("bob", id, "DesignSolution", Duration.ofSeconds(60));
    driver.negotiate(id, "WON");
    HttpResponse<String> changed =
        rest.putJson(
            "/engine-rest/process-instance/" + instance + "/variables/title",
            "olivia",
            "{\"value\": \"Passenger analytics platform\", \"type\": \"String\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    driver.deliver(id);
    driver.reportInputs(id);
    driver.evaluatePeers(id);
    driver.awaitTask("grace", id, "ApproveIncentives", Duration.ofSeconds(60));
    driver.approveIncentives(id);

    HttpResponse<String> answer = rest.get("/api/opportunities/" + id + "/story", "ivan");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode story = JSON.readTree(answer.body());
    assertThat(story.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(story.path("finalOutcome").asText()).isEqualTo("DELIVERED");
    assertThat(story.path("statement").path("bonusPool").asText()).isEqualTo("40000.00");
    assertThat(story.path("rulings")).hasSize(1);
    assertThat(story.path("instances"))
        .extracting(i -> i.path("process").asText())
        .containsExactly("opportunityToDelivery", "collaborationArbitration");

    JsonNode opportunity = story.path("instances").get(0);
    JsonNode dispute = story.path("instances").get(1);
    assertThat(opportunity.path("tasks"))
        .allSatisfy(
            task -> {
              assertThat(task.path("created").asText()).isNotBlank();
              assertThat(task.path("completed").asText()).isNotBlank();
              assertThat(task.path("completedBy").asText()).isNotBlank();
            });
    JsonNode qualify = find(opportunity.path("tasks"), "key", "QualifyOpportunity");
    assertThat(qualify.path("assignee").asText()).isEqualTo("alice");
    assertThat(qualify.path("variablesSet").path("qualified").asBoolean()).isTrue();
    JsonNode rejection = find(opportunity.path("tasks"), "completedBy", "tina");
    assertThat(rejection.path("candidateGroups").toString()).contains("tech");
    assertThat(rejection.path("variablesSet").path("rejectionReason").asText())
        .isEqualTo("Tech carries the delivery risk");
    JsonNode decision = find(opportunity.path("decisions"), "key", "techParticipation");
    assertThat(decision.path("inputs").toString()).contains("2000000");
    assertThat(decision.path("outputs").path("techParticipation").asText()).isEqualTo("MANDATORY");
    assertThat(decision.path("matchedRules").get(0).path("description").asText()).isNotBlank();
    // For people: each output by its column's label, each step and process in both languages.
    assertThat(decision.path("outputLabels").path("techParticipation").asText())
        .isEqualTo("Tech participation / 技术参与");
    assertThat(story.path("names").path("DesignSolution").asText())
        .isEqualTo("Design solution / 设计方案");
    assertThat(story.path("names").path("collaborationArbitration").asText())
        .isEqualTo("Collaboration arbitration / 协作仲裁");
    assertThat(find(dispute.path("decisions"), "key", "arbitrationRouting")).isNotNull();
    assertThat(
            find(dispute.path("tasks"), "completedBy", "grace")
                .path("answer")
                .path("vote")
                .asText())
        .as("oversight reads each vote once the dispute is ruled")
        .isEqualTo("COMPROMISE");
    assertThat(dispute.path("recusals")).as("nobody stood aside").isEmpty();
    assertThat(opportunity.path("operations").toString())
        .contains("olivia")
        .contains("Passenger analytics platform");
    assertThat(opportunity.path("activities").toString())
        .contains("EndEvent_Delivered", "durationMillis");

    HttpResponse<String> model =
        rest.get(
            "/api/opportunities/"
                + id
                + "/instances/"
                + dispute.path("processInstanceId").asText()
                + "/model",
            "ivan",
            "application/xml");
    assertThat(model.statusCode())
        .as(
            rest.get(
                    "/api/opportunities/"
                        + id
                        + "/instances/"
                        + dispute.path("processInstanceId").asText()
                        + "/model",
                    "ivan",
                    "application/json")
                .body())
        .isEqualTo(200);
    assertThat(model.body()).contains("collaborationArbitration");
    assertThat(
            rest.get(
                    "/api/opportunities/" + id + "/instances/nope/model", "ivan", "application/xml")
                .statusCode())
        .isEqualTo(404);

    // The CSV (UTF-8 after its byte-order mark) has one row per event and parses back to them.
    HttpResponse<String> csv = rest.get("/api/opportunities/" + id + "/story", "ivan", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFF");
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> read =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv.body().substring(1))) {
      read.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(story.path("events").size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode event = story.path("events").get(i);
      assertThat(rows.get(i).get("time")).isEqualTo(event.path("time").asText());
      assertThat(rows.get(i).get("kind")).isEqualTo(event.path("kind").asText());
      assertThat(rows.get(i).get("detail")).isEqualTo(event.path("detail").asText(""));
      assertThat(rows.get(i).get("label")).isEqualTo(event.path("label").asText(""));
    }

    // Who reads what.
    assertThat(rest.get("/api/opportunities/" + id + "/story", null).statusCode()).isEqualTo(401);
    assertThat(rest.get("/api/opportunities/" + id + "/story", "dave").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/opportunities/" + id + "/story", "tina").statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = rest.get("/api/opportunities/OPP-NONE/story", "ivan");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no opportunity OPP-NONE");
    for (String reader : List.of("erin", "frank", "olivia")) {
      assertThat(rest.get("/api/opportunities/" + id + "/story", reader).statusCode())
          .as(reader)
          .isEqualTo(200);
    }
    HttpResponse<String> member = rest.get("/api/opportunities/" + id + "/story", "sam");
    assertThat(member.statusCode()).isEqualTo(200);
    JsonNode samSees = JSON.readTree(member.body());
    assertThat(samSees.path("readAs").asText()).isEqualTo("team member");
    assertThat(member.body())
        .doesNotContain("Both sides have a point")
        .doesNotContain("\"peerRatings\"")
        .doesNotContain("ratingsReceived")
        .doesNotContain("\"vote\"");
    JsonNode ownRating = null;
    for (JsonNode task : samSees.path("instances").get(0).path("tasks")) {
      if ("EvaluatePeers".equals(task.path("key").asText())
          && "sam".equals(task.path("completedBy").asText())) {
        ownRating = task;
      }
    }
    assertThat(ownRating).isNotNull();
    assertThat(ownRating.path("answer").has("ratings")).as("sam sees his own ratings").isTrue();
    for (JsonNode task : samSees.path("instances").get(0).path("tasks")) {
      if ("EvaluatePeers".equals(task.path("key").asText()) && task != ownRating
          || "RateTeamAsCoordinator".equals(task.path("key").asText())) {
        assertThat(task.has("answer")).isFalse();
        assertThat(task.path("variablesSet").has("ratings")).isFalse();
      }
    }
    // A coordinator reads every opportunity, but no vote and no rating.
    HttpResponse<String> coordinator = rest.get("/api/opportunities/" + id + "/story", "erin");
    assertThat(JSON.readTree(coordinator.body()).path("readAs").asText())
        .isEqualTo("without confidential values");
    assertThat(coordinator.body())
        .doesNotContain("Both sides have a point")
        .doesNotContain("\"peerRatings\"")
        .doesNotContain("\"answer\"");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      if (value.equals(element.path(field).asText())) {
        return element;
      }
    }
    throw new AssertionError("no element with " + field + " " + value + " in " + array);
  }
}
