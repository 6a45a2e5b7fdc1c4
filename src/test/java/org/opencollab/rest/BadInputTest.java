package org.opencollab.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.opencollab.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input never gets a 500: a malformed body for the job retries and the condition doors is a 400
 * that says what is wrong and names the field, at {@code /engine-rest} and in the webapps' API
 * alike, and nothing is queued. Camunda answered several of these with 500, and took a job id that
 * does not exist into a batch that fails in the background.
 */
@ApplicationTest
class BadInputTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private String id;
  private Job job;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    id = newOpportunityId();
    new OpportunityDriver(engine).start(keyAccount(id));
    job = waitingJob();
  }

  /** A job of a running instance: a process that waits an hour on a timer. */
  private Job waitingJob() {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("retriesProbe")
            .count()
        == 0) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "retriesProbe.bpmn",
              Bpmn.createExecutableProcess("retriesProbe")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .intermediateCatchEvent("WaitAnHour")
                  .timerWithDuration("PT1H")
                  .endEvent()
                  .done())
          .deploy();
    }
    String instance = engine.getRuntimeService().startProcessInstanceByKey("retriesProbe").getId();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance)
        .singleResult();
  }

  @Test
  void malformedJobRetriesAre400sNamingTheField() {
    long batches = engine.getManagementService().createBatchQuery().count();
    String jobId = job.getId();
    String[][] refusals = {
      {"{}", "retries: is required"},
      // /engine-rest reads an empty body as {}, the webapps' API as none
      {"", "retries"},
      {"null", "The request body must be a JSON object with retries and jobIds or a jobQuery"},
      {"{bad json", "The request body is not valid JSON"},
      {"{\"retries\": 1}", "jobIds: name at least one job, or give a jobQuery"},
      {"{\"retries\": 1, \"jobIds\": []}", "jobIds: name at least one job"},
      {"{\"retries\": -1, \"jobIds\": [\"" + jobId + "\"]}", "retries: must be 0 or more, got -1"},
      {"{\"retries\": \"x\", \"jobIds\": [\"" + jobId + "\"]}", "retries: must be a whole number"},
      {"{\"retries\": 1.5, \"jobIds\": [\"" + jobId + "\"]}", "retries: must be a whole number"},
      {"{\"retries\": null, \"jobIds\": [\"" + jobId + "\"]}", "retries: is required"},
      {"{\"retries\": 1, \"jobIds\": [null]}", "jobIds: a job id must be a text, got null"},
      {"{\"retries\": 1, \"jobIds\": \"" + jobId + "\"}", "jobIds: must be a list of job ids"},
      {"{\"retries\": 1, \"jobIds\": [\"no-such-job\"]}", "jobIds: no job no-such-job"},
      {
        "{\"retries\": 1, \"jobIds\": [\"" + jobId + "\"], \"dueDate\": \"tomorrow\"}",
        "dueDate: must be a date"
      },
    };
    forEachDoor(
        (door, post) -> {
          for (String[] refusal : refusals) {
            HttpResponse<String> answer = post.apply("/job/retries", refusal[0]);
            assertThat(answer.statusCode()).as(door + " " + refusal[0]).isEqualTo(400);
            assertThat(answer.body()).as(door + " " + refusal[0]).contains(refusal[1]);
          }
        });
    assertThat(
            rest.send(
                    "PUT", "/engine-rest/job/" + jobId + "/retries", "olivia", "{\"retries\": -1}")
                .body())
        .contains("\"field\":\"retries\"");
    assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);

    HttpResponse<String> rightful =
        rest.postJson(
            "/engine-rest/job/retries",
            "olivia",
            "{\"retries\": 3, \"jobIds\": [\"" + jobId + "\"]}");
    assertThat(rightful.statusCode()).as(rightful.body()).isEqualTo(200);
  }

  @Test
  void malformedProcessInstanceJobRetriesAre400sNamingTheField() {
    long batches = engine.getManagementService().createBatchQuery().count();
    String withJobs = job.getProcessInstanceId();
    String[][] refusals = {
      {"{}", "retries: is required"},
      {"[]", "The request body must be a JSON object"},
      {"{\"retries\": 1}", "processInstances: name at least one process instance"},
      {"{\"retries\": 1, \"processInstances\": []}", "processInstances: name at least one"},
      {"{\"retries\": -1, \"processInstances\": [\"" + withJobs + "\"]}", "retries: must be 0"},
      {"{\"retries\": 1, \"processInstances\": [null]}", "processInstances: a process instance id"},
      {
        "{\"retries\": 1, \"processInstances\": [\"nope\"]}",
        "processInstances: no process instance"
      },
      {"{\"retries\": true, \"processInstances\": [\"" + withJobs + "\"]}", "retries: must be"},
    };
    forEachDoor(
        (door, post) -> {
          for (String[] refusal : refusals) {
            HttpResponse<String> answer = post.apply("/process-instance/job-retries", refusal[0]);
            assertThat(answer.statusCode()).as(door + " " + refusal[0]).isEqualTo(400);
            assertThat(answer.body()).as(door + " " + refusal[0]).contains(refusal[1]);
          }
        });
    assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);
  }

  @Test
  void malformedConditionEvaluationsAre400s() {
    String[][] refusals = {
      {"{}", "No deployed process starts on a condition"},
      {"null", "The request body must be a JSON object"},
      {"[]", "The request body must be a JSON object"},
      {"{bad", "The request body is not valid JSON"},
      {"{\"variables\": {\"amount\": null}}", "amount: must be an object with a value and a type"},
      {"{\"variables\": \"x\"}", "variables: must be a JSON object"},
      {
        "{\"variables\": {\"amount\": {\"value\": 1}}}", "No deployed process starts on a condition"
      },
    };
    forEachDoor(
        (door, post) -> {
          for (String[] refusal : refusals) {
            HttpResponse<String> answer = post.apply("/condition", refusal[0]);
            assertThat(answer.statusCode()).as(door + " " + refusal[0]).isEqualTo(400);
            assertThat(answer.body()).as(door + " " + refusal[0]).contains(refusal[1]);
          }
        });
  }

  @Test
  void aNullVariableIsA400NamingIt() {
    String task = new OpportunityDriver(engine).task(id, "QualifyOpportunity").getId();
    HttpResponse<String> answer =
        rest.postJson(
            "/engine-rest/task/" + task + "/complete", "alice", "{\"variables\": {\"x\": null}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"x\"");
  }

  /**
   * The administrator at each door: {@code /engine-rest} and the webapps' API, which Cockpit uses.
   */
  private void forEachDoor(
      java.util.function.BiConsumer<String, BiFunction<String, String, HttpResponse<String>>>
          check) {
    check.accept(
        "/engine-rest", (path, body) -> rest.postJson("/engine-rest" + path, "olivia", body));
    WebappSession cockpit = WebappSession.login(port, "olivia", "cockpit");
    check.accept("webapps", cockpit::postJson);
  }
}
