package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may do what with a task: work it, hand it on, comment on it, change its variables. */
@ApplicationTest
class TaskDoorsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private OpportunityDriver driver;
  private String id;
  private Task salesSignOff;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    driver = new OpportunityDriver(engine);
    id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    salesSignOff = signOff("sales");
  }

  @Test
  void aTaskTheCallerMayNotSeeIsForbiddenWithOneAnswerAtEveryDoor() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    String answer = "dave may not see or work task " + salesSignOff.getId();
    // Camunda answers these with 404, 400 or a 403 of its own, depending on the door.
    for (String door :
        new String[] {
          "", "/variables", "/form-variables", "/identity-links", "/form", "/comment", "/attachment"
        }) {
      HttpResponse<String> hidden = rest.get(task + door, "dave");
      assertThat(hidden.statusCode()).as(door + ": " + hidden.body()).isEqualTo(403);
      assertThat(hidden.body()).as(door).contains(answer).doesNotContain("opportunityToDelivery");
      assertThat(rest.get(task + door, "sam").statusCode()).as(door).isEqualTo(200);
    }
    for (String door : new String[] {"/complete", "/comment/create"}) {
      HttpResponse<String> refused =
          rest.postJson(task + door, "dave", "{\"message\": \"from marketing\"}");
      assertThat(refused.statusCode()).as(door + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.body()).as(door).contains(answer);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(salesSignOff.getId()).count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().getTaskComments(salesSignOff.getId())).isEmpty();
  }

  @Test
  void aTaskThatDoesNotExistIsNotFoundAtEveryDoor() {
    String task = "/engine-rest/task/no-such-task";
    // Camunda answers these with 404, 400 and 500.
    for (String door : new String[] {"", "/variables", "/comment"}) {
      HttpResponse<String> unknown = rest.get(task + door, "sam");
      assertThat(unknown.statusCode()).as(door + ": " + unknown.body()).isEqualTo(404);
    }
    HttpResponse<String> comment =
        rest.postJson(task + "/comment/create", "sam", "{\"message\": \"hello\"}");
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(404);
    assertThat(comment.body()).contains("No task with id no-such-task");
  }

  @Test
  void workerCannotHandATaskOnRenameItOrChangeItsPriority() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    assertThat(rest.postJson(task + "/assignee", "sam", "{\"userId\": \"alice\"}").statusCode())
        .isEqualTo(403);
    assertThat(rest.postJson(task + "/assignee", "sam", "{\"userId\": \"dave\"}").statusCode())
        .isEqualTo(403);
    assertThat(rest.postJson(task + "/claim", "sam", "{\"userId\": \"dave\"}").statusCode())
        .isEqualTo(403);
    assertThat(rest.postJson(task + "/delegate", "sam", "{\"userId\": \"alice\"}").statusCode())
        .isEqualTo(403);
    assertThat(
            rest.postJson(
                    task + "/identity-links",
                    "sam",
                    "{\"groupId\": \"marketing\", \"type\": \"candidate\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(rest.putJson(task, "sam", "{\"name\": \"Renamed\", \"priority\": 100}").statusCode())
        .isEqualTo(403);

    Task unchanged =
        engine.getTaskService().createTaskQuery().taskId(salesSignOff.getId()).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(unchanged.getName()).isEqualTo(salesSignOff.getName());
    assertThat(engine.getTaskService().getIdentityLinksForTask(salesSignOff.getId()))
        .noneMatch(link -> "marketing".equals(link.getGroupId()));
  }

  @Test
  void workerClaimsForThemselvesAndGivesTheTaskBack() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    assertThat(rest.postJson(task + "/claim", "sam", "{\"userId\": \"sam\"}").statusCode())
        .isEqualTo(204);
    assertThat(rest.postJson(task + "/unclaim", "alice", "{}").statusCode()).isEqualTo(403);
    assertThat(rest.postJson(task + "/unclaim", "sam", "{}").statusCode()).isEqualTo(204);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(salesSignOff.getId())
                .singleResult()
                .getAssignee())
        .isNull();
  }

  @Test
  void coordinatorReassignsOnlyToSomeoneWhoMayDoTheStep() {
    String task = "/engine-rest/task/" + salesSignOff.getId();

    HttpResponse<String> outsider =
        rest.postJson(task + "/assignee", "erin", "{\"userId\": \"dave\"}");
    assertThat(outsider.statusCode()).as(outsider.body()).isEqualTo(400);
    assertThat(outsider.body()).contains("userId: dave may not do SignCollaborationAgreement");
    assertThat(
            rest.postJson(
                    task + "/identity-links",
                    "erin",
                    "{\"groupId\": \"marketing\", \"type\": \"candidate\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(rest.postJson(task + "/delegate", "erin", "{\"userId\": \"ivan\"}").statusCode())
        .isEqualTo(400);

    assertThat(rest.postJson(task + "/assignee", "erin", "{\"userId\": \"sam\"}").statusCode())
        .isEqualTo(204);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(salesSignOff.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("sam");
  }

  @Test
  void onlyThePersonATaskIsDelegatedToResolvesIt() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    assertThat(rest.postJson(task + "/delegate", "erin", "{\"userId\": \"alice\"}").statusCode())
        .isEqualTo(204);

    String signed = "{\"variables\": {\"agreementApproved\": {\"value\": true}}}";
    assertThat(rest.postJson(task + "/resolve", "sam", signed).statusCode()).isEqualTo(403);
    HttpResponse<String> foreign =
        rest.postJson(
            task + "/resolve",
            "alice",
            "{\"variables\": {\"finalOutcome\": {\"value\": \"LOST\"}}}");
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
    assertThat(rest.postJson(task + "/resolve", "alice", signed).statusCode()).isEqualTo(204);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(salesSignOff.getId())
                .singleResult()
                .getDelegationState())
        .hasToString("RESOLVED");
  }

  @Test
  void updatingATaskCannotHandItToAnOutsider() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    HttpResponse<String> outsider =
        rest.putJson(
            task, "erin", "{\"name\": \"Sign it\", \"assignee\": \"dave\", \"priority\": 50}");
    assertThat(outsider.statusCode()).as(outsider.body()).isEqualTo(400);
    assertThat(outsider.body()).contains("assignee: dave may not do SignCollaborationAgreement");
    assertThat(
            rest.putJson(
                    task, "erin", "{\"name\": \"Sign it\", \"owner\": \"ivan\", \"priority\": 50}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(salesSignOff.getId())
                .singleResult()
                .getAssignee())
        .isNull();

    assertThat(
            rest.putJson(
                    task,
                    "erin",
                    "{\"name\": \"Sign it\", \"assignee\": \"sam\", \"priority\": 60}")
                .statusCode())
        .isEqualTo(204);
    Task updated =
        engine.getTaskService().createTaskQuery().taskId(salesSignOff.getId()).singleResult();
    assertThat(updated.getAssignee()).isEqualTo("sam");
    assertThat(updated.getPriority()).isEqualTo(60);
  }

  @Test
  void accountManagersTaskGoesOnlyToSales() {
    driver.signAll(id);
    Task offer = driver.task(id, "PrepareOffer");
    String task = "/engine-rest/task/" + offer.getId();

    assertThat(rest.postJson(task + "/assignee", "erin", "{\"userId\": \"bob\"}").statusCode())
        .isEqualTo(400);
    assertThat(rest.postJson(task + "/assignee", "erin", "{\"userId\": \"sam\"}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void workerCannotSetVariablesOutsideACompletion() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    assertThat(
            rest.putJson(task + "/variables/realizedRevenue", "alice", "{\"value\": 99999999}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest.putJson(task + "/localVariables/agreementApproved", "alice", "{\"value\": true}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest.postJson(
                    task + "/variables",
                    "alice",
                    "{\"modifications\": {\"finalOutcome\": {\"value\": \"LOST\"}}}")
                .statusCode())
        .isEqualTo(403);
    assertThat(rest.delete(task + "/variables/departmentShares", "alice").statusCode())
        .isEqualTo(403);
    assertThat(
            rest.putJson(
                    "/engine-rest/process-instance/"
                        + salesSignOff.getProcessInstanceId()
                        + "/variables/finalOutcome",
                    "alice",
                    "{\"value\": \"LOST\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest.postJson(task + "/bpmnError", "alice", "{\"errorCode\": \"X\", \"variables\": {}}")
                .statusCode())
        .isEqualTo(403);

    assertThat(engine.getRuntimeService().getVariables(salesSignOff.getProcessInstanceId()))
        .doesNotContainKeys("realizedRevenue", "finalOutcome")
        .containsKey("departmentShares");
  }

  @Test
  void processOwnerRepairsAVariableAndTheOperationLogShowsIt() {
    HttpResponse<String> repair =
        rest.putJson(
            "/engine-rest/process-instance/"
                + salesSignOff.getProcessInstanceId()
                + "/variables/dataAccessRules",
            "olivia",
            "{\"value\": \"Corrected by the process owner\"}");

    assertThat(repair.statusCode()).as(repair.body()).isEqualTo(204);
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(salesSignOff.getProcessInstanceId())
                .userId("olivia")
                .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void auditorWritesNoCommentAndTheWorkerDoes() {
    String comments = "/engine-rest/task/" + salesSignOff.getId() + "/comment/create";
    assertThat(rest.postJson(comments, "ivan", "{\"message\": \"audited\"}").statusCode())
        .isEqualTo(403);
    // dave cannot even see the SALES task; Camunda's comment resource answers that with 400.
    assertThat(rest.postJson(comments, "dave", "{\"message\": \"not mine\"}").statusCode())
        .isIn(400, 403);
    HttpResponse<String> worker =
        rest.postJson(comments, "sam", "{\"message\": \"checking the data clause\"}");
    assertThat(worker.statusCode()).as(worker.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskComments(salesSignOff.getId()))
        .extracting(comment -> comment.getUserId())
        .containsExactly("sam");
  }

  @Test
  void theCommentTrailIsNotTheWorkersToErase() {
    String comments = "/engine-rest/task/" + salesSignOff.getId() + "/comment";
    HttpResponse<String> elsewhere =
        rest.postJson(
            comments + "/create",
            "sam",
            "{\"message\": \"planted\", \"processInstanceId\": \"some-other-instance\"}");
    assertThat(elsewhere.statusCode()).isIn(400, 404);
    HttpResponse<String> own =
        rest.postJson(comments + "/create", "sam", "{\"message\": \"checked\"}");
    assertThat(own.statusCode()).isEqualTo(200);
    String commentId = own.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(rest.delete(comments, "alice").statusCode()).isEqualTo(403);
    assertThat(rest.delete(comments + "/" + commentId, "alice").statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskComments(salesSignOff.getId())).hasSize(1);
    assertThat(rest.delete(comments + "/" + commentId, "sam").statusCode()).isEqualTo(204);
  }

  @Test
  void submittingADelegatedTaskIsForItsDelegate() {
    String task = "/engine-rest/task/" + salesSignOff.getId();
    assertThat(rest.postJson(task + "/delegate", "erin", "{\"userId\": \"alice\"}").statusCode())
        .isEqualTo(204);
    String signed = "{\"variables\": {\"agreementApproved\": {\"value\": true}}}";
    assertThat(rest.postJson(task + "/submit-form", "sam", signed).statusCode()).isEqualTo(403);
    assertThat(rest.postJson(task + "/submit-form", "alice", signed).statusCode()).isEqualTo(204);
  }

  @Test
  void signOffRecordsWhoSignedWithoutAClaim() {
    HttpResponse<String> signed =
        rest.postJson(
            "/engine-rest/task/" + salesSignOff.getId() + "/complete",
            "sam",
            "{\"variables\": {\"agreementApproved\": {\"value\": true}}}");

    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(204);
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(salesSignOff.getProcessInstanceId(), "agreementSignatures")
                .toString())
        .contains("\"signedBy\":\"sam\"");
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
}
