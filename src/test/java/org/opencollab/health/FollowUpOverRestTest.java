package org.opencollab.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.RestClient;
import org.opencollab.variables.JsonVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A warning's follow-up over REST meets the same rules as its form: an action outside the list, a
 * missing note or a field of another step is HTTP 400 naming the field by its form's label, and the
 * task stays open; a coordinator's valid outcome completes it. The check starts at its follow-ups
 * with a report of one warning, so that no history need be built in the shared application.
 */
@ApplicationTest
class FollowUpOverRestTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aRefusedFollowUpIsA400NamingTheFieldAndLeavesTheTaskOpen() {
    ProcessInstance check =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey(HealthCheckVariables.PROCESS_KEY)
            .startBeforeActivity("Gateway_FollowUpAndReview")
            .setVariable(HealthCheckVariables.PERIOD_DAYS, 90)
            .setVariable(
                HealthCheckVariables.HEALTH_REPORT,
                JsonVariables.value(
                    JsonVariables.object(
                        "{\"warnings\": [{\"warning\": \"SLOW_CLAIM\", \"warningName\": \"Work"
                            + " waits to be picked up / 任务认领迟缓\", \"subjectKind\":"
                            + " \"department\", \"subject\": \"DELIVERY\", \"subjectName\":"
                            + " \"Department / 部门 Delivery / 交付部\", \"evidenceText\": \"median"
                            + " 72.0 h / 中位 72.0 小时\"}]}")))
            .execute();
    List<Task> followUps =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(check.getId())
            .taskDefinitionKey("FollowUpHealthWarning")
            .list();
    assertThat(followUps).hasSize(1);
    assertThat(engine.getTaskService().getVariable(followUps.get(0).getId(), "subjectName"))
        .isEqualTo("Department / 部门 Delivery / 交付部");
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
    engine.getRuntimeService().deleteProcessInstance(check.getId(), "test done");
  }
}
