package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.opencollab.support.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application under the {@code prod} profile on a real PostgreSQL server: schema created by
 * Liquibase, no demo users, the administrator from the environment, decisions deployed, and REST
 * refusing anonymous and unauthorized calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Close the application while PostgreSQL still runs, not in a race with the server's own shutdown
// hook.
@DirtiesContext
class ProductionOnPostgresIT {

  static final String ADMIN = "root";
  static final String ADMIN_PASSWORD = "S3cret-for-tests-only";
  static final String PASSWORD = "Pw-for-tests-1!";

  @DynamicPropertySource
  static void productionEnvironment(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties()
        .forEach((name, value) -> registry.add(name, () -> value));
    registry.add("collab.admin.user", () -> ADMIN);
    registry.add("collab.admin.password", () -> ADMIN_PASSWORD);
    registry.add("server.error.include-message", () -> "always");
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
    assertThat(processEngine.getProcessEngineConfiguration().getDatabaseType())
        .isEqualTo("postgres");
  }

  @Test
  void administratorFromTheEnvironmentAndNoDemoUsers() {
    assertThat(
            identityService.createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count())
        .isEqualTo(1);
    assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    for (String demoUser : List.of("sam", "bob", "olivia", "frank")) {
      assertThat(identityService.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
    }
    assertThat(
            identityService
                .createGroupQuery()
                .groupIdIn(
                    "sales",
                    "tech",
                    "marketing",
                    "delivery",
                    "operations",
                    "coordinators",
                    "committee",
                    "auditors",
                    "process-owners")
                .count())
        .isEqualTo(9);
  }

  @Test
  void decisionsAreDeployedAndEvaluate() {
    assertThat(repositoryService.createDecisionDefinitionQuery().latestVersion().count())
        .isEqualTo(8);
    Map<String, Object> opportunity = new HashMap<>();
    opportunity.put("customizationRequired", false);
    opportunity.put("newProduct", false);
    opportunity.put("technicalComplexity", "MEDIUM");
    opportunity.put("estimatedValue", 1_000_000L);
    opportunity.put("customerTier", "KEY");
    assertThat(
            decisionService
                .evaluateDecisionByKey("techParticipation")
                .variables(opportunity)
                .evaluate()
                .getSingleResult()
                .getEntry("techParticipation")
                .toString())
        .isEqualTo("MANDATORY");
  }

  @Test
  void anonymousRestCallGets401() {
    assertThat(rest.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
  }

  @Test
  void administratorUsesRest() {
    HttpResponse<String> response =
        rest.get("/engine-rest/decision-definition/count", ADMIN + ":" + ADMIN_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("\"count\":0");
  }

  @Test
  void auditorCannotStartAProcessOrCompleteATask() {
    assertThat(
            rest.postJson(
                    "/engine-rest/process-definition/key/authorizationProbe/start",
                    "ivan:" + PASSWORD,
                    "{}")
                .statusCode())
        .isEqualTo(403);

    String instanceId = runtimeService.startProcessInstanceByKey("authorizationProbe").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(rest.get("/engine-rest/task/" + task.getId(), "ivan:" + PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(
            rest.postJson(
                    "/engine-rest/task/" + task.getId() + "/complete", "ivan:" + PASSWORD, "{}")
                .statusCode())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void salesUserCannotDeploy() {
    HttpResponse<String> response = rest.deployMinimalProcess("alice:" + PASSWORD, "sneaky");
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void passwordPolicyRefusesAWeakPassword() {
    HttpResponse<String> weak =
        rest.postJson(
            "/engine-rest/user/create",
            ADMIN + ":" + ADMIN_PASSWORD,
            "{\"profile\": {\"id\": \"weakling\"}, \"credentials\": {\"password\": \"password\"}}");
    assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
    assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
    assertThat(processEngine.getProcessEngineConfiguration())
        .extracting("enablePasswordPolicy")
        .isEqualTo(true);
  }

  @Test
  void loginLockoutIsSet() {
    assertThat(processEngine.getProcessEngineConfiguration())
        .extracting("loginMaxAttempts")
        .isEqualTo(5);
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    String instanceId = runtimeService.startProcessInstanceByKey("authorizationProbe").getId();
    HttpResponse<String> serialized =
        rest.putJson(
            "/engine-rest/process-instance/" + instanceId + "/variables/blob",
            ADMIN + ":" + ADMIN_PASSWORD,
            "{\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", \"valueInfo\":"
                + " {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}");
    assertThat(serialized.statusCode()).as(serialized.body()).isEqualTo(400);
    assertThat(serialized.body()).contains("blob: Java-serialized values are refused");
    assertThat(runtimeService.getVariable(instanceId, "blob")).isNull();
  }

  @Test
  void webappCookiesAreSecureHttpOnlyAndSameSiteAndCsrfIsChecked() throws Exception {
    HttpClient browser = HttpClient.newHttpClient();
    String base = "http://localhost:" + port;
    HttpResponse<Void> app =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
            HttpResponse.BodyHandlers.discarding());
    List<String> cookies = app.headers().allValues("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("XSRF-TOKEN=")
                    .contains("Secure")
                    .containsIgnoringCase("SameSite=Strict"));
    String session = cookie(cookies, "JSESSIONID");
    String csrf = cookie(cookies, "XSRF-TOKEN");
    String loginUrl = base + "/camunda/api/admin/auth/user/default/login/tasklist";
    String credentials = "username=" + ADMIN + "&password=" + ADMIN_PASSWORD;

    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session + "; " + csrf)
                .header("X-XSRF-TOKEN", csrf.substring(csrf.indexOf('=') + 1))
                .POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("JSESSIONID=")
                    .contains("Secure")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict"));

    // Without the header, the same request is refused.
    HttpResponse<String> withoutToken =
        browser.send(
            HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session + "; " + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
  }

  @Test
  void securityHeadersAndHstsBehindTls() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<Void> plain =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/version"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(plain.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

    HttpResponse<Void> behindTls =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(behindTls.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    assertThat(behindTls.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .map(cookie -> cookie.split(";", 2)[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
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
    long authorizations =
        processEngine.getAuthorizationService().createAuthorizationQuery().count();

    try (ConfigurableApplicationContext secondNode = startAnotherNode(ADMIN_PASSWORD)) {
      assertThat(secondNode.isRunning()).isTrue();
      assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().count())
        .isEqualTo(authorizations);
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
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CollaborationApplication.class)
        .profiles("prod")
        .run(arguments);
  }

  private void createUser(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(userId, groupId);
    }
  }
}
