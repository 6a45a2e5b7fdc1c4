package org.opencollab.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencollab.ApplicationTest;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The doors of {@code /api/migrations}: signed out 401, anyone but process owners and
 * administrators 403, an unknown process or batch 404, a bad body 400 naming its field; and a plan
 * and its run over REST, on a process of the test's own whose new version renamed the waiting step.
 */
@ApplicationTest
class MigrationDoorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/api/migrations/";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;

  @BeforeEach
  void client() {
    rest = new RestClient("http://localhost:" + port);
  }

  @Test
  void signedOutIs401AndOthersThanProcessOwners403() {
    assertThat(rest.get(API + "opportunityToDelivery", null).statusCode()).isEqualTo(401);
    assertThat(rest.postJson(API + "opportunityToDelivery", null, "{}").statusCode())
        .isEqualTo(401);
    for (String user : new String[] {"alice", "erin", "ivan", "frank"}) {
      HttpResponse<String> read = rest.get(API + "opportunityToDelivery", user);
      assertThat(read.statusCode()).as(user).isEqualTo(403);
      assertThat(read.body()).contains("process owners and administrators");
      assertThat(
              rest.postJson(API + "opportunityToDelivery", user, "{\"fromVersion\": 1}")
                  .statusCode())
          .as(user)
          .isEqualTo(403);
    }
  }

  @Test
  void aProcessOwnerReadsTheRunningInstancesPerVersion() throws Exception {
    HttpResponse<String> answer = rest.get(API + "opportunityToDelivery", "olivia");
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("processKey").asText()).isEqualTo("opportunityToDelivery");
    assertThat(body.get("versions").get(0).get("latest").asBoolean()).isTrue();
    assertThat(body.get("versions").get(0).get("version").asInt())
        .isEqualTo(body.get("latestVersion").asInt());
  }

  @Test
  void anUnknownProcessOrBatchIs404() {
    assertThat(rest.get(API + "noSuchProcess", "olivia").statusCode()).isEqualTo(404);
    assertThat(rest.postJson(API + "noSuchProcess", "olivia", "{\"fromVersion\": 1}").statusCode())
        .isEqualTo(404);
    assertThat(rest.get(API + "opportunityToDelivery/batches/no-such-batch", "olivia").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aBadBodyIs400NamingTheField() throws Exception {
    String latest =
        String.valueOf(
            JSON.readTree(rest.get(API + "opportunityToDelivery", "olivia").body())
                .get("latestVersion")
                .asInt());
    String[][] cases = {
      {"not json", "The request body is not JSON"},
      {"", "fromVersion: required"},
      {"{}", "fromVersion: must be a whole number"},
      {"{\"fromVersion\": \"one\"}", "fromVersion: must be a whole number"},
      {"{\"fromVersion\": 1, \"dryRun\": \"yes\"}", "dryRun: must be true"},
      {"{\"fromVersion\": 1, \"colour\": \"red\"}", "colour: not a field of a migration"},
      {"{\"fromVersion\": 1, \"mappings\": {}}", "mappings: must be a list"},
      {"{\"fromVersion\": 1, \"mappings\": [{\"from\": \"A\"}]}", "mappings[0]: must name"},
      {
        "{\"fromVersion\": 1, \"mappings\": [{\"from\": \"A\", \"to\": \"B\", \"x\": 1}]}",
        "mappings[0].x: not a field of a mapping"
      },
      {"{\"fromVersion\": " + latest + "}", "fromVersion: must be an older version"},
      {"{\"fromVersion\": 999}", "fromVersion: must be an older version"},
    };
    for (String[] bad : cases) {
      HttpResponse<String> answer = rest.postJson(API + "opportunityToDelivery", "olivia", bad[0]);
      assertThat(answer.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(JSON.readTree(answer.body()).get("message").asText())
          .as(bad[0])
          .startsWith(bad[1]);
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefusalIsOneWarnLineWhateverTheCallerWrote(CapturedOutput output) {
    HttpResponse<String> answer =
        rest.postJson(
            API + "opportunityToDelivery", "olivia", "{\"fromVersion\": 1, \"a\\nFAKE\": 1}");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(output.getOut().lines().filter(line -> line.contains("FAKE")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("WARN").contains("Refused: 400 a\\nFAKE"));
  }

  @Test
  void aBodyNotDeclaredJsonIs400AndMovesNothing() throws Exception {
    ProcessDefinition[] versions = ProbeProcess.deployTwoVersions(engine);
    engine.getRuntimeService().startProcessInstanceById(versions[0].getId(), "P-2");
    String body = "{\"fromVersion\": " + versions[0].getVersion() + ", \"dryRun\": false}";
    long batches = engine.getManagementService().createBatchQuery().count();
    for (String contentType :
        new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      HttpResponse<String> answer = rest.post(API + ProbeProcess.KEY, "olivia", contentType, body);
      assertThat(answer.statusCode()).as(contentType).isEqualTo(400);
      assertThat(JSON.readTree(answer.body()).get("message").asText())
          .as(contentType)
          .startsWith("body: must be JSON, sent with Content-Type application/json");
    }
    assertThat(rest.post(API + ProbeProcess.KEY, "alice", "text/plain", body).statusCode())
        .isEqualTo(403);
    assertThat(engine.getManagementService().createBatchQuery().count())
        .as("no batch was started")
        .isEqualTo(batches);
  }

  @Test
  void aProcessOwnerPlansThenMovesWithAMappingAsABatch() throws Exception {
    ProcessDefinition[] versions = ProbeProcess.deployTwoVersions(engine);
    String waiting =
        engine.getRuntimeService().startProcessInstanceById(versions[0].getId(), "P-1").getId();
    String path = API + ProbeProcess.KEY;
    String from = "{\"fromVersion\": " + versions[0].getVersion();

    HttpResponse<String> unknownStep =
        rest.postJson(
            path, "olivia", from + ", \"mappings\": [{\"from\": \"Nowhere\", \"to\": \"End\"}]}");
    assertThat(unknownStep.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknownStep.body()).get("message").asText())
        .startsWith("mappings: Nowhere is not a step");

    JsonNode dryRun = JSON.readTree(rest.postJson(path, "olivia", from + "}").body());
    assertThat(dryRun.get("batchId").isNull()).isTrue();
    assertThat(dryRun.get("movable")).isEmpty();
    assertThat(dryRun.at("/refused/0/instance/processInstanceId").asText()).isEqualTo(waiting);
    assertThat(dryRun.at("/refused/0/reasons/0/english").asText())
        .startsWith("It stands at \"Check the offer\"");

    String mapping =
        ", \"mappings\": [{\"from\": \"CheckOffer\", \"to\": \"ReviewOffer\"}], \"dryRun\": false}";
    HttpResponse<String> run = rest.postJson(path, "olivia", from + mapping);
    assertThat(run.statusCode()).isEqualTo(200);
    JsonNode moved = JSON.readTree(run.body());
    assertThat(moved.get("refused")).isEmpty();
    assertThat(moved.at("/movable/0/processInstanceId").asText()).isEqualTo(waiting);
    String batchId = moved.get("batchId").asText();
    JsonNode progress = JSON.readTree(rest.get(path + "/batches/" + batchId, "olivia").body());
    assertThat(progress.get("total").asInt()).isEqualTo(1);
    assertThat(progress.get("finished").asBoolean()).isFalse();
    assertThat(rest.get(path + "/batches/" + batchId, "alice").statusCode()).isEqualTo(403);
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .operationType("Migrate")
                .userId("olivia")
                .count())
        .as("Camunda's user operation log names who moved them")
        .isPositive();
  }
}
