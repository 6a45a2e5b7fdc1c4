package org.opencollab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.RestClient;
import org.opencollab.support.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API as outside clients meet it: Basic auth required, authorizations enforced, setup
 * closed.
 */
@ApplicationTest
class RestSecurityTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  private RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    TestProcesses.deployOnce(repositoryService, "authorizationProbe");
  }

  @Test
  void anonymousCallIsRefusedWith401AndABasicChallenge() {
    HttpResponse<String> response = rest.get("/engine-rest/process-definition", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  /**
   * Camunda delays a user's next login after a failure, so this test uses a user no other test logs
   * in as.
   */
  @Test
  void wrongPasswordIsRefusedWith401() {
    assertThat(rest.get("/engine-rest/process-definition", "otto:wrong").statusCode())
        .isEqualTo(401);
  }

  @Test
  void salesUserCannotDeploy() {
    HttpResponse<String> response = rest.deployMinimalProcess("alice", "sneaky");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("CREATE").contains("Deployment");
    assertThat(
            repositoryService.createProcessDefinitionQuery().processDefinitionKey("sneaky").count())
        .isZero();
  }

  @Test
  void auditorCannotStartAProcess() {
    long before =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("authorizationProbe")
            .count();
    HttpResponse<String> response =
        rest.postJson("/engine-rest/process-definition/key/authorizationProbe/start", "ivan", "{}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("authorizationProbe")
                .count())
        .isEqualTo(before);
  }

  @Test
  void auditorReadsATaskButCannotCompleteIt() {
    Task task = startProbeTask();
    assertThat(rest.get("/engine-rest/task/" + task.getId(), "ivan").statusCode()).isEqualTo(200);

    HttpResponse<String> response =
        rest.postJson("/engine-rest/task/" + task.getId() + "/complete", "ivan", "{}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void candidateGroupMemberCompletesTheTaskAndOthersCannot() {
    Task task = startProbeTask();
    assertThat(
            rest.postJson("/engine-rest/task/" + task.getId() + "/complete", "bob", "{}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest.postJson("/engine-rest/task/" + task.getId() + "/complete", "alice", "{}")
                .statusCode())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void processOwnerSeesAndDeploysAsAdministrator() {
    HttpResponse<String> decisions =
        rest.get("/engine-rest/decision-definition/count?latestVersion=true", "olivia");
    assertThat(decisions.statusCode()).isEqualTo(200);
    assertThat(decisions.body()).doesNotContain("\"count\":0");
  }

  @Test
  void adminSetupEndpointIsClosedWhileAnAdministratorExists() {
    String newAdmin =
        "{\"profile\": {\"id\": \"mallory\"}, \"credentials\": {\"password\": \"x\"}}";
    for (String path :
        new String[] {
          "/camunda/api/admin/setup/default/user/create",
          "/camunda/api//admin/setup/default/user/create",
          "/camunda/api/admin/%73etup/default/user/create",
          "/CAMUNDA/api/admin/setup/default/user/create"
        }) {
      assertThat(rest.postJson(path, null, newAdmin).statusCode()).as(path).isIn(403, 404);
    }
    assertThat(
            rest.postJson("/camunda/api/admin/setup/default/user/create", null, newAdmin)
                .statusCode())
        .isEqualTo(403);
    assertThat(rest.get("/engine-rest/user/mallory/profile", "olivia").statusCode()).isEqualTo(404);
  }

  private Task startProbeTask() {
    String instanceId = runtimeService.startProcessInstanceByKey("authorizationProbe").getId();
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }
}
