package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollab.CollaborationApplication;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.opencollab.support.TestProcesses;

/**
 * The application under the {@code prod} profile on a real PostgreSQL server: schema created by
 * Liquibase, no demo users, the administrator from the environment, decisions deployed, and REST
 * refusing anonymous and unauthorized calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Close the application while PostgreSQL still runs, not in a race with the server's own shutdown hook.
@DirtiesContext
class ProductionOnPostgresIT {

  static final String ADMIN = "root";
  static final String ADMIN_PASSWORD = "s3cret-for-tests-only";

  @DynamicPropertySource
  static void productionEnvironment(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties().forEach((name, value) -> registry.add(name, () -> value));
    registry.add("collab.admin.user", () -> ADMIN);
    registry.add("collab.admin.password", () -> ADMIN_PASSWORD);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DecisionService decisionService;
  private RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    // Production has no demo users: an administrator would create these in Admin.
    createUser("ivan", "auditors");
    createUser("alice", "sales");
    TestProcesses.deployOnce(repositoryService, "authorizationProbe");
  }

  @Test
  void runsOnPostgres() {
    assertThat(processEngine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
  }

  @Test
  void administratorFromTheEnvironmentAndNoDemoUsers() {
    assertThat(identityService.createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    for (String demoUser : List.of("sam", "bob", "olivia", "frank")) {
      assertThat(identityService.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
    }
    assertThat(identityService.createGroupQuery().groupIdIn("sales", "tech", "marketing", "delivery", "operations",
        "coordinators", "committee", "auditors", "process-owners").count()).isEqualTo(9);
  }

  @Test
  void decisionsAreDeployedAndEvaluate() {
    assertThat(repositoryService.createDecisionDefinitionQuery().latestVersion().count()).isEqualTo(4);
    Map<String, Object> opportunity = new HashMap<>();
    opportunity.put("customizationRequired", false);
    opportunity.put("newProduct", false);
    opportunity.put("technicalComplexity", "MEDIUM");
    opportunity.put("estimatedValue", 1_000_000L);
    opportunity.put("customerTier", "KEY");
    assertThat(decisionService.evaluateDecisionByKey("techParticipation").variables(opportunity).evaluate()
        .getSingleResult().getEntry("techParticipation").toString()).isEqualTo("MANDATORY");
  }

  @Test
  void anonymousRestCallGets401() {
    assertThat(rest.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
  }

  @Test
  void administratorUsesRest() {
    HttpResponse<String> response = rest.get("/engine-rest/decision-definition/count", ADMIN + ":" + ADMIN_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("\"count\":0");
  }

  @Test
  void auditorCannotStartAProcessOrCompleteATask() {
    assertThat(rest.postJson("/engine-rest/process-definition/key/authorizationProbe/start", "ivan:pw", "{}")
        .statusCode()).isEqualTo(403);

    String instanceId = runtimeService.startProcessInstanceByKey("authorizationProbe").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(rest.get("/engine-rest/task/" + task.getId(), "ivan:pw").statusCode()).isEqualTo(200);
    assertThat(rest.postJson("/engine-rest/task/" + task.getId() + "/complete", "ivan:pw", "{}").statusCode())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void salesUserCannotDeploy() {
    HttpResponse<String> response = rest.deployMinimalProcess("alice:pw", "sneaky");
    assertThat(response.statusCode()).isEqualTo(403);
  }

  /**
   * A second node starting on the same database, as after a restart or in a cluster. It runs last:
   * Camunda's webapps keep some JVM-wide registrations that a second application in the same JVM
   * disturbs when it closes, which no real deployment (one application per JVM) meets.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void restartWithUnchangedModelsCreatesNoDeploymentAndChangesNoIdentity() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long authorizations = processEngine.getAuthorizationService().createAuthorizationQuery().count();

    try (ConfigurableApplicationContext secondNode = startAnotherNode(ADMIN_PASSWORD)) {
      assertThat(secondNode.isRunning()).isTrue();
      assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void refusesToStartWithoutAnAdministrator() {
    assertThatThrownBy(() -> startAnotherNode("").close())
        .hasMessageContaining("set the environment variables COLLAB_ADMIN_PASSWORD (");
  }

  private ConfigurableApplicationContext startAnotherNode(String adminPassword) {
    Map<String, Object> properties = new HashMap<>(EmbeddedPostgresDatabase.datasourceProperties());
    properties.put("server.port", 0);
    properties.put("collab.admin.user", ADMIN);
    properties.put("collab.admin.password", adminPassword);
    // One engine per JVM is registered under its name; the second node gets its own name.
    properties.put("camunda.bpm.process-engine-name", "second-node");
    properties.put("camunda.bpm.job-execution.enabled", false);
    // Command-line arguments, as an operator would pass them: they outrank the profile's settings.
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(CollaborationApplication.class).profiles("prod").run(arguments);
  }

  private void createUser(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword("pw");
      identityService.saveUser(user);
      identityService.createMembership(userId, groupId);
    }
  }
}
