package org.opencollab.rest;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Forms can be bypassed through REST, so REST meets the same rules: a refused start or completion
 * is HTTP 400 whose message names the field (by its form's label and its name) and the rule, on
 * {@code /engine-rest} and on the webapps' own API alike, and nothing changes.
 */
@ApplicationTest
class RestValidationTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
  }

  @Test
  void refusedStartIsA400NamingTheFieldAndLeavesNoInstance() {
    String id = OpportunityDriver.newOpportunityId();

    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/process-definition/key/opportunityToDelivery/start",
            "alice",
            startBody(id, "-1", "Long"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"type\":\"InvalidVariableException\"")
        .contains(
            "\"message\":\"Estimated value (CNY) / 预估金额（元） — estimatedValue: must be between 0"
                + " and 1000000000000, got -1\"")
        .contains("\"field\":\"estimatedValue\"")
        .contains("\"label\":\"Estimated value (CNY) / 预估金额（元）\"");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .isZero();
  }

  @Test
  void refusedCompletionAndFormSubmissionAre400AndLeaveTheTaskOpen() {
    String id = OpportunityDriver.newOpportunityId();
    HttpResponse<String> started =
        rest.postJson(
            "/engine-rest/process-definition/key/opportunityToDelivery/start",
            "alice",
            startBody(id, "2000000", "Long"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    Task qualify =
        engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(qualify)
        .as(
            "task of %s at %s, auth %s",
            instanceId,
            engine.getRuntimeService().getActiveActivityIds(instanceId),
            engine.getIdentityService().getCurrentAuthentication() == null
                ? null
                : engine.getIdentityService().getCurrentAuthentication().getUserId())
        .isNotNull();

    String notQualified =
        "{\"variables\": {\"qualified\": {\"value\": false, \"type\": \"Boolean\"}}}";
    for (String action : new String[] {"complete", "submit-form"}) {
      HttpResponse<String> response =
          rest.postJson(
              "/engine-rest/task/" + qualify.getId() + "/" + action, "alice", notQualified);
      assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("qualificationNotes: is required");
    }
    // Tasklist's door answers alike, and Tasklist shows the message as it is: the form's label
    // first.
    HttpResponse<String> tasklist =
        WebappSession.login(port, "alice", "tasklist")
            .postJson("/task/" + qualify.getId() + "/submit-form", notQualified);
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
    assertThat(tasklist.body())
        .contains(
            "\"message\":\"Qualification notes (required when not qualified) / 资格说明（不合格时必填）"
                + " — qualificationNotes: is required\"");

    assertThat(engine.getTaskService().createTaskQuery().taskId(qualify.getId()).singleResult())
        .isNotNull();
    assertThat(engine.getRuntimeService().getVariable(qualify.getProcessInstanceId(), "qualified"))
        .isNull();
  }

  @Test
  void refusedMessageStartIsA400() {
    String id = OpportunityDriver.newOpportunityId();
    String variables = startBody(id, "2000000", "Long").replace("\"alice\"", "\"nobody\"");
    String body =
        "{\"messageName\": \"OpportunityIdentified\", \"processVariables\": "
            + variables.substring(variables.indexOf(':') + 1, variables.length() - 1)
            + "}";

    HttpResponse<String> response = rest.postJson("/engine-rest/message", "alice", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("accountManager: nobody is not a member of group sales");
  }

  @Test
  void otherErrorsKeepCamundasAnswer() {
    HttpResponse<String> response = rest.get("/engine-rest/task/no-such-task", "alice");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("No matching task with id no-such-task");
    assertThat(response.body()).doesNotContain("InvalidVariableException");
  }

  static String startBody(String id, String estimatedValue, String valueType) {
    return """
        {"variables": {
          "opportunityId": {"value": "%s", "type": "String"},
          "customerName": {"value": "Shanghai Metro", "type": "String"},
          "title": {"value": "Passenger analytics", "type": "String"},
          "customerTier": {"value": "KEY", "type": "String"},
          "estimatedValue": {"value": %s, "type": "%s"},
          "technicalComplexity": {"value": "MEDIUM", "type": "String"},
          "customizationRequired": {"value": false, "type": "Boolean"},
          "newProduct": {"value": false, "type": "Boolean"},
          "source": {"value": "SALES", "type": "String"},
          "accountManager": {"value": "alice", "type": "String"}}}"""
        .formatted(id, estimatedValue, valueType);
  }
}
