package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import java.util.Map;
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

/** Each step writes only its own fields, through every door: REST, the webapps' API, messages. */
@ApplicationTest
class StepFieldsTest {

  private static final String QUALIFIED = "{\"variables\": {\"qualified\": {\"value\": true}";

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
  void completionCarryingADerivedVariableIsRefusedAndChangesNothing() {
    Task qualify = driver.task(id, "QualifyOpportunity");

    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/task/" + qualify.getId() + "/complete",
            "alice",
            QUALIFIED + ", \"finalOutcome\": {\"value\": \"LOST\"}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"field\":\"finalOutcome\"")
        .contains("is not a field of task QualifyOpportunity");
    assertThat(engine.getTaskService().createTaskQuery().taskId(qualify.getId()).count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariables(qualify.getProcessInstanceId()))
        .doesNotContainKeys("finalOutcome", "qualified");
  }

  @Test
  void signOffCannotRewriteTheMoneyBasis() {
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    Task delivery = signOff("delivery");

    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/task/" + delivery.getId() + "/complete",
            "carol",
            """
        {"variables": {"agreementApproved": {"value": true},
          "departmentShares": {"value": "{\\"SALES\\": 98, \\"TECH\\": 1, \\"DELIVERY\\": 1}", "type": "Json"},
          "realizedRevenue": {"value": 99999999}, "finalOutcome": {"value": "LOST"}}}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"departmentShares\"");
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(delivery.getProcessInstanceId(), "departmentShares")
                .toString())
        .contains("\"SALES\":50");
    assertThat(engine.getRuntimeService().getVariables(delivery.getProcessInstanceId()))
        .doesNotContainKeys("realizedRevenue", "finalOutcome");
    assertThat(engine.getTaskService().createTaskQuery().taskId(delivery.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void shownFieldSentBackUnchangedIsAcceptedAndNotRewritten() {
    Task qualify = driver.task(id, "QualifyOpportunity");

    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/task/" + qualify.getId() + "/submit-form",
            "alice",
            QUALIFIED
                + ", \"estimatedValue\": {\"value\": \"2000000\"}, \"opportunityId\": {\"value\": \""
                + id
                + "\"},"
                + " \"priority\": {\"value\": \"B\"}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(qualify.getProcessInstanceId())
                .variableName("estimatedValue")
                .singleResult()
                .getValue())
        .isEqualTo(2_000_000L);
  }

  @Test
  void shownFieldChangedIsRefused() {
    Task qualify = driver.task(id, "QualifyOpportunity");

    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/task/" + qualify.getId() + "/submit-form",
            "alice",
            QUALIFIED + ", \"estimatedValue\": {\"value\": 1}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .contains("estimatedValue: is shown by the form of task QualifyOpportunity");
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(qualify.getProcessInstanceId(), "estimatedValue"))
        .isEqualTo(2_000_000L);
  }

  @Test
  void tasklistsOwnApiRefusesAForeignVariableWith400() {
    Task qualify = driver.task(id, "QualifyOpportunity");
    WebappSession tasklist = WebappSession.login(port, "alice", "tasklist");

    HttpResponse<String> response =
        tasklist.postJson(
            "/task/" + qualify.getId() + "/submit-form",
            QUALIFIED + ", \"realizedRevenue\": {\"value\": 99999999}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .contains("realizedRevenue: is not a field of task QualifyOpportunity");
    assertThat(engine.getTaskService().createTaskQuery().taskId(qualify.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void startCarryingDerivedVariablesIsRefusedAndLeavesNothing() {
    for (String extra :
        new String[] {
          "\"starter\": {\"value\": \"sam\"}",
          "\"finalOutcome\": {\"value\": \"DELIVERED\"}",
          "\"incentiveStatement\": {\"value\": \"{}\", \"type\": \"Json\"}"
        }) {
      String newId = newOpportunityId();
      HttpResponse<String> response =
          rest.postJson(
              "/engine-rest/process-definition/key/opportunityToDelivery/start",
              "alice",
              "{\"variables\": {" + startVariables(newId) + ", " + extra + "}}");

      assertThat(response.statusCode()).as(extra + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("is not a field of the start of opportunityToDelivery");
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceBusinessKey(newId)
                  .count())
          .isZero();
    }
  }

  @Test
  void startRecordsTheStarterTheEngineSets() {
    String newId = newOpportunityId();
    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/process-definition/key/opportunityToDelivery/start",
            "alice",
            "{\"variables\": {" + startVariables(newId) + "}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String instanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(newId)
            .singleResult()
            .getId();
    assertThat(engine.getRuntimeService().getVariable(instanceId, "starter")).isEqualTo("alice");
  }

  @Test
  void messageStartCarryingAForeignVariableIsRefused() {
    String newId = newOpportunityId();
    HttpResponse<String> response =
        rest.postJson(
            "/engine-rest/message",
            "alice",
            "{\"messageName\": \"OpportunityIdentified\", \"processVariables\": {"
                + startVariables(newId)
                + ", \"revisionCount\": {\"value\": 3}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("revisionCount");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(newId)
                .count())
        .isZero();
  }

  @Test
  void unknownTaskIsNotFoundAtEveryDoor() {
    assertThat(rest.postJson("/engine-rest/task/no-such-task/complete", "alice", "{}").statusCode())
        .isEqualTo(404);
    assertThat(
            rest.postJson("/engine-rest/task/no-such-task/submit-form", "alice", "{}").statusCode())
        .isEqualTo(404);
    assertThat(
            rest.postJson(
                    "/engine-rest/task/no-such-task/claim", "alice", "{\"userId\": \"alice\"}")
                .statusCode())
        .isEqualTo(404);
    WebappSession tasklist = WebappSession.login(port, "alice", "tasklist");
    assertThat(tasklist.postJson("/task/no-such-task/submit-form", "{}").statusCode())
        .isEqualTo(404);
  }

  private Task signOff(String group) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(id)
        .taskDefinitionKey("SignCollaborationAgreement")
        .taskCandidateGroup(group)
        .singleResult();
  }

  static String startVariables(String opportunityId) {
    StringBuilder json = new StringBuilder();
    for (Map.Entry<String, Object> variable : keyAccount(opportunityId).entrySet()) {
      if (json.length() > 0) {
        json.append(", ");
      }
      Object value = variable.getValue();
      json.append('"')
          .append(variable.getKey())
          .append("\": {\"value\": ")
          .append(value instanceof String text ? "\"" + text + "\"" : value)
          .append('}');
    }
    return json.toString();
  }
}
