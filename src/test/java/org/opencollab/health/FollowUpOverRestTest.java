package org.opencollab.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A warning's follow-up over REST meets the same rules as its form: an action outside the list, a
 * missing note or a field of another step is HTTP 400 naming the field by its form's label, and the
 * task stays open; a coordinator's valid outcome completes it. Its own context and database: the
 * known history it builds would change other tests' ledgers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=followUpRestTests")
@ActiveProfiles({"demo", "test"})
class FollowUpOverRestTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRefusedFollowUpIsA400NamingTheFieldAndLeavesTheTaskOpen() {
    new KnownHistory(engine, "OPP-R" + System.nanoTime() % 100_000).build();
    ClockUtil.setCurrentTime(Date.from(KnownHistory.CHECK));
    ProcessInstance check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(HealthCheckVariables.PROCESS_KEY, Map.of("periodDays", 90));
    for (int round = 0; round < 3; round++) {
      for (Job job :
          engine.getManagementService().createJobQuery().processInstanceId(check.getId()).list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
    List<Task> followUps =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(check.getId())
            .taskDefinitionKey("FollowUpHealthWarning")
            .list();
    assertThat(followUps).hasSize(4);
    Task followUp = followUps.get(0);
    RestClient rest = new RestClient("http://localhost:" + port);
    String path = "/engine-rest/task/" + followUp.getId() + "/complete";

    HttpResponse<String> badAction =
        rest.postJson(
            path,
            "erin",
            "{\"variables\": {\"warningAction\": {\"value\": \"SHRUGGED\"},"
                + " \"warningNote\": {\"value\": \"Nothing\"}}}");
    assertThat(badAction.statusCode()).as(badAction.body()).isEqualTo(400);
    assertThat(badAction.body())
        .contains("\"field\":\"warningAction\"")
        .contains("Action taken / 采取的行动 — warningAction: must be one of");

    HttpResponse<String> noNote =
        rest.postJson(
            path,
            "erin",
            "{\"variables\": {\"warningAction\": {\"value\": \"NO_ACTION_NEEDED\"}}}");
    assertThat(noNote.statusCode()).as(noNote.body()).isEqualTo(400);
    assertThat(noNote.body()).contains("\"field\":\"warningNote\"");

    HttpResponse<String> otherStep =
        rest.postJson(
            path,
            "erin",
            "{\"variables\": {\"warningAction\": {\"value\": \"NO_ACTION_NEEDED\"},"
                + " \"warningNote\": {\"value\": \"Fine\"}, \"healthReport\": {\"value\": \"{}\"}}}");
    assertThat(otherStep.statusCode()).as(otherStep.body()).isEqualTo(400);
    assertThat(otherStep.body()).contains("healthReport");
    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).count())
        .isEqualTo(1);

    HttpResponse<String> done =
        rest.postJson(
            path,
            "erin",
            "{\"variables\": {\"warningAction\": {\"value\": \"CONTACTED_DEPARTMENT\"},"
                + " \"warningNote\": {\"value\": \"Met the department head\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).count()).isZero();
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(check.getId(), HealthCheckVariables.WARNING_FOLLOW_UPS)
                .toString())
        .contains("\"followedUpBy\":\"erin\"")
        .contains("Contacted the department / 已联系部门");
  }
}
