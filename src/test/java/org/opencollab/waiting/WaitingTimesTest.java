package org.opencollab.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.waiting.KnownWaits.MINUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The waiting times API over a history with known answers ({@link KnownWaits}): exact medians and
 * 90th percentiles per step and phase, the slowest tasks with their opportunities, and its doors.
 */
@ApplicationTest
class WaitingTimesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KnownWaits history;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;

  @BeforeEach
  void knownHistory() {
    rest = new RestClient("http://localhost:" + port);
    synchronized (WaitingTimesTest.class) {
      if (history == null) {
        history = new KnownWaits(engine).make();
      }
    }
  }

  @Test
  void reviewsWaitUntilTheirFirstClaimAndAreWorkedUntilCompleted() throws Exception {
    JsonNode answer = read("collaborationHealthCheck", "olivia");

    assertThat(answer.get("tasks").asInt()).isEqualTo(5);
    JsonNode review = activity(answer, "ReviewHealthReport");
    assertThat(review.get("name").asText()).isEqualTo("Review health report");
    assertThat(review.get("nameZh").asText()).isNotBlank();
    assertThat(review.get("count").asInt()).isEqualTo(5);
    assertThat(review.get("waitingMedianMillis").asLong()).isEqualTo(30 * MINUTE);
    assertThat(review.get("waitingP90Millis").asLong()).isEqualTo(50 * MINUTE);
    assertThat(review.get("workedMedianMillis").asLong()).isEqualTo(180 * MINUTE);
    assertThat(review.get("workedP90Millis").asLong()).isEqualTo(600 * MINUTE);
    JsonNode followUp = activity(answer, "FollowUpHealthWarning");
    assertThat(followUp.get("count").asInt()).isZero();
    assertThat(followUp.get("waitingMedianMillis").isNull()).isTrue();

    JsonNode slowest = answer.get("slowest").get(0);
    assertThat(slowest.get("activityId").asText()).isEqualTo("ReviewHealthReport");
    assertThat(slowest.get("waitingMillis").asLong()).isEqualTo(50 * MINUTE);
    assertThat(slowest.get("workedMillis").asLong()).isEqualTo(600 * MINUTE);
    assertThat(slowest.get("totalMillis").asLong()).isEqualTo(650 * MINUTE);
    assertThat(answer.get("slowest")).hasSize(5);
  }

  @Test
  void aStepAssignedAsItIsCreatedWaitsNothing() throws Exception {
    JsonNode answer = read("opportunityToDelivery", "ivan");

    JsonNode qualify = activity(answer, "QualifyOpportunity");
    assertThat(qualify.get("phaseId").asText()).isEqualTo("Phase_Qualification");
    assertThat(qualify.get("count").asInt()).isEqualTo(3);
    assertThat(qualify.get("waitingMedianMillis").asLong()).isZero();
    assertThat(qualify.get("waitingP90Millis").asLong()).isZero();
    assertThat(qualify.get("workedMedianMillis").asLong()).isEqualTo(45 * MINUTE);
    assertThat(qualify.get("workedP90Millis").asLong()).isEqualTo(90 * MINUTE);
    assertThat(answer.get("activities").findValuesAsText("activityId"))
        .contains("DesignSolution", "ApproveIncentives");

    JsonNode phase = answer.get("phases").get(0);
    assertThat(phase.get("phaseId").asText()).isEqualTo("Phase_Qualification");
    assertThat(phase.get("count").asInt()).isEqualTo(3);
    assertThat(phase.get("workedMedianMillis").asLong()).isEqualTo(45 * MINUTE);
    assertThat(answer.get("phases").findValuesAsText("phaseId"))
        .contains("Phase_Agreement", "Phase_Delivery", "Phase_Settlement");

    JsonNode slowest = answer.get("slowest");
    assertThat(slowest).hasSize(3);
    assertThat(slowest.get(0).get("opportunityId").asText())
        .isEqualTo(history.opportunities.get(2));
    assertThat(slowest.get(0).get("totalMillis").asLong()).isEqualTo(90 * MINUTE);
  }

  @Test
  void theToDayIsIncludedAndTasksCompletedOutsideThePeriodAreNot() throws Exception {
    assertThat(
            read("collaborationHealthCheck", "erin", "2031-03-10", "2031-03-10")
                .get("tasks")
                .asInt())
        .isEqualTo(1);
    assertThat(
            read("collaborationHealthCheck", "erin", "2031-03-01", "2031-04-30")
                .get("tasks")
                .asInt())
        .isEqualTo(6);
  }

  @Test
  void theDoors() {
    String path = "/api/processes/collaborationArbitration/waiting-times?from=2031-03-01";
    assertThat(rest.get(path, null).statusCode()).isEqualTo(401);
    for (String reader : new String[] {"olivia", "erin", "ivan"}) {
      assertThat(rest.get(path, reader).statusCode()).as(reader).isEqualTo(200);
    }
    for (String other : new String[] {"alice", "bob", "frank"}) {
      HttpResponse<String> refused = rest.get(path, other);
      assertThat(refused.statusCode()).as(other).isEqualTo(403);
      assertThat(refused.body()).contains("may not read waiting times");
    }
    HttpResponse<String> unknown = rest.get("/api/processes/noSuchProcess/waiting-times", "olivia");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("noSuchProcess");
    HttpResponse<String> badFrom =
        rest.get("/api/processes/opportunityToDelivery/waiting-times?from=2031-13-01", "olivia");
    assertThat(badFrom.statusCode()).isEqualTo(400);
    assertThat(badFrom.body()).contains("from: must be a day written yyyy-MM-dd");
    HttpResponse<String> badTo =
        rest.get(
            "/api/processes/opportunityToDelivery/waiting-times?from=2031-03-02&to=2031-03-01",
            "olivia");
    assertThat(badTo.statusCode()).isEqualTo(400);
    assertThat(badTo.body()).contains("to: must not be before from");
    assertThat(rest.get("/api/processes/opportunityToDelivery/model", "alice").statusCode())
        .isEqualTo(403);
    HttpResponse<String> model = rest.get("/api/processes/opportunityToDelivery/model", "ivan");
    assertThat(model.statusCode()).isEqualTo(200);
    assertThat(model.body()).contains("Phase_Qualification");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefusalIsOneWarnLine(CapturedOutput output) {
    assertThat(rest.get("/api/processes/opportunityToDelivery/model", "alice").statusCode())
        .isEqualTo(403);
    assertThat(rest.get("/api/processes/noSuchProcess/waiting-times", "olivia").statusCode())
        .isEqualTo(404);
    assertThat(output.getOut().lines().filter(line -> line.contains("Refused waiting times")))
        .satisfiesExactly(
            forbidden -> assertThat(forbidden).contains("WARN").contains("(403): alice"),
            unknown -> assertThat(unknown).contains("WARN").contains("no process noSuchProcess"));
  }

  private JsonNode read(String processKey, String user) throws Exception {
    return read(processKey, user, KnownWaits.FROM, KnownWaits.TO);
  }

  private JsonNode read(String processKey, String user, String from, String to) throws Exception {
    HttpResponse<String> answer =
        rest.get(
            "/api/processes/" + processKey + "/waiting-times?from=" + from + "&to=" + to, user);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode activity(JsonNode answer, String activityId) {
    for (JsonNode entry : answer.get("activities")) {
      if (entry.get("activityId").asText().equals(activityId)) {
        return entry;
      }
    }
    throw new AssertionError("no entry for " + activityId + " in " + answer.get("activities"));
  }
}
