package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.opencollab.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every field has limits: oversized and malformed input is a 400 naming the field, never a 500. */
@ApplicationTest
class FieldLimitsTest {

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
  }

  @Test
  void textOverFourThousandCharactersIsRefused() {
    Task qualify = driver.task(id, "QualifyOpportunity");
    assertRefused(
        complete(
            qualify,
            "alice",
            "{\"qualified\": {\"value\": false}, \"qualificationNotes\": {\"value\": \""
                + "x".repeat(4001)
                + "\"}}"),
        "qualificationNotes",
        "must have at most 4000 characters");
  }

  @Test
  void amountOverTheBoundIsRefused() {
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.signAll(id);
    Task offer = driver.task(id, "PrepareOffer");
    assertRefused(
        complete(offer, "alice", "{\"offerValue\": {\"value\": 1e308}}"),
        "offerValue",
        "must be at most 1000000000000");
    assertRefused(
        complete(offer, "alice", "{\"offerValue\": {\"value\": 1000000000000.01}}"),
        "offerValue",
        "must be at most");
  }

  @Test
  void deepOrMalformedJsonIsRefused() {
    driver.qualify(id);
    Task formTeam = driver.task(id, "FormTeam");
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String team =
        "{\"deliveryManager\": {\"value\": \"carol\"}, \"solutionManager\": {\"value\": \"bob\"}, ";
    assertRefused(
        complete(
            formTeam,
            "erin",
            team + "\"teamMembers\": {\"value\": \"" + deep + "\", \"type\": \"Json\"}}"),
        "teamMembers",
        "");
    assertRefused(
        complete(
            formTeam, "erin", team + "\"teamMembers\": {\"value\": \"[{\", \"type\": \"Json\"}}"),
        "teamMembers",
        "");
    assertRefused(
        complete(
            formTeam,
            "erin",
            team + "\"teamMembers\": {\"value\": \"[[[[[[[[[[1]]]]]]]]]]\", \"type\": \"Json\"}}"),
        "teamMembers",
        "must be Json, nested at most 8 deep");
    assertThat(engine.getTaskService().createTaskQuery().taskId(formTeam.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void numberTooLargeForItsTypeIsRefusedNamingTheField() {
    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/process-definition/key/opportunityToDelivery/start",
            "alice",
            "{\"variables\": {\"estimatedValue\": {\"value\": 99999999999999999999, \"type\": \"Long\"}}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("estimatedValue: must be a whole number from");

    Task qualify = driver.task(id, "QualifyOpportunity");
    HttpResponse<String> tasklist =
        WebappSession.login(port, "alice", "tasklist")
            .postJson(
                "/task/" + qualify.getId() + "/submit-form",
                "{\"variables\": {\"qualified\": {\"value\": true},"
                    + " \"estimatedValue\": {\"value\": 99999999999999999999, \"type\": \"Long\"}}}");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
    assertThat(tasklist.body()).contains("estimatedValue: must be a whole number from");
  }

  @Test
  void objectsFilesAndTransientValuesAreRefused() {
    Task qualify = driver.task(id, "QualifyOpportunity");
    assertRefused(
        complete(
            qualify,
            "alice",
            "{\"qualified\": {\"value\": false}, \"qualificationNotes\": {\"type\": \"Object\","
                + " \"value\": \"{}\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\","
                + " \"serializationDataFormat\": \"application/json\"}}}"),
        "qualificationNotes",
        "must be a text, a number, true or false, or Json");
    assertRefused(
        complete(
            qualify,
            "alice",
            "{\"qualified\": {\"value\": true, \"valueInfo\": {\"transient\": true}}}"),
        "qualified",
        "must be stored");
    assertThat(engine.getTaskService().createTaskQuery().taskId(qualify.getId()).count())
        .isEqualTo(1);
  }

  private HttpResponse<String> complete(Task task, String user, String variables) {
    return rest.postJson(
        "/engine-rest/task/" + task.getId() + "/complete",
        user,
        "{\"variables\": " + variables + "}");
  }

  private static void assertRefused(HttpResponse<String> response, String field, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field + ": " + message);
  }
}
