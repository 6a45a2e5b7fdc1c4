package org.opencollab.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencollab.migration.WorkedPhases.Placed;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.Chromium;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A process owner moves running opportunities to a changed model on PostgreSQL, with the job
 * executor running the batch as in production: over REST the versions and their instances, then on
 * the page the plan (the renamed step, the opportunities that move), the move and its progress to
 * the end; the moved opportunities then go on to their end on the new version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class MigrationPageIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @TempDir Path workTree;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("migrations")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aProcessOwnerMovesRunningOpportunitiesOnThePage() throws Exception {
    WorkedPhases phases = new WorkedPhases(engine);
    List<Placed> placed =
        List.of(
            phases.place(WorkedOpportunity.delivered(), 0),
            phases.place(WorkedOpportunity.delivered(), 10),
            phases.place(WorkedOpportunity.lost(), 12));
    ProcessDefinition old = latest();
    ChangedModel.deploy(engine, workTree);
    ProcessDefinition changed = latest();

    RestClient rest = new RestClient("http://localhost:" + port);
    JsonNode listed =
        JSON.readTree(rest.get("/api/migrations/opportunityToDelivery", "olivia").body());
    assertThat(listed.get("latestVersion").asInt()).isEqualTo(changed.getVersion());
    JsonNode oldVersion = listed.get("versions").get(1);
    assertThat(oldVersion.get("version").asInt()).isEqualTo(old.getVersion());
    assertThat(oldVersion.get("running").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(oldVersion.get("instances").findValuesAsText("opportunityId"))
        .contains(placed.get(0).id(), placed.get(1).id(), placed.get(2).id());

    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("olivia");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get("http://localhost:" + port + "/migrations");
    By plan = By.cssSelector("button.plan[data-version='" + old.getVersion() + "']");
    wait.until(ExpectedConditions.elementToBeClickable(plan)).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("movable"), placed.get(2).id()));
    assertThat(browser.findElement(By.id("instructions")).getText())
        .contains(ChangedModel.OLD_NAME, ChangedModel.NEW_NAME);
    assertThat(browser.findElement(By.id("movable")).getText())
        .contains(placed.get(0).id(), placed.get(1).id(), "Plan delivery", "Qualify opportunity");
    assertThat(browser.findElement(By.id("refused-title")).getText()).isEqualTo("Cannot move: 0");
    tasklist.screenshot("migrations-plan");

    browser.findElement(By.id("run")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "Done"));
    tasklist.screenshot("migrations-done");
    for (Placed one : placed) {
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(one.instance().getId())
                  .singleResult()
                  .getProcessDefinitionId())
          .isEqualTo(changed.getId());
    }

    // In Chinese: the plan button and the plan's steps in the reader's language.
    browser.findElement(By.id("language")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "将运行中的商机迁移到最新模型"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "最新"));
    assertThat(browser.findElement(By.id("versions")).getText()).contains("运行中", "最新");
    tasklist.screenshot("migrations-zh");

    for (Placed one : placed) {
      phases.finish(one);
      assertThat(phases.ended(one)).as(one.id()).isTrue();
    }
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(placed.get(0).instance().getId())
                .taskDefinitionKey(ChangedModel.STEP)
                .singleResult()
                .getName())
        .startsWith(ChangedModel.NEW_NAME + " / " + ChangedModel.NEW_NAME_ZH);
  }

  @Test
  void anInstanceWithoutAnOpportunityIsNamedByItsProcessAndWhenItStarted() throws Exception {
    ProcessInstance check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("collaborationHealthCheck", Map.of("periodDays", 7));
    JsonNode listed =
        JSON.readTree(
            new RestClient("http://localhost:" + port)
                .get("/api/migrations/collaborationHealthCheck", "olivia")
                .body());
    assertThat(listed.get("versions").get(0).get("instances").findValues("started"))
        .isNotEmpty()
        .allSatisfy(started -> assertThat(started.isNull()).isFalse());

    // whichever test ran first, the page and Tasklist speak the browser's language again
    browser.get("http://localhost:" + port + "/migrations");
    ((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
    browser.manage().deleteAllCookies();
    new Tasklist(browser, port).logIn("olivia");
    browser.get("http://localhost:" + port + "/migrations?process=collaborationHealthCheck");
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#versions tbody tr:first-child button")))
        .click();
    String instances =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("instances")))
            .getText();
    assertThat(instances)
        .containsPattern(
            "(Collaboration health check, started |协作健康检查，开始于 )\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
        .doesNotContain(check.getId())
        .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
  }

  private ProcessDefinition latest() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey("opportunityToDelivery")
        .latestVersion()
        .singleResult();
  }
}
