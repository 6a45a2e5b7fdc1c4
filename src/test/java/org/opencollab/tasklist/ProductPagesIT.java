package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.identity.Department;
import org.opencollab.support.Chromium;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product's own pages in Debian's Chromium: one header on each (Tasklist, Opportunities,
 * Ledger, Health, Waiting times, who is signed in, the language switch); a signed-out person goes
 * to Tasklist's login and comes back; Tasklist's task cards show each task's opportunity; the
 * health report reads in English and in Chinese without a code of the report or a department code
 * in sight, and its departments table fits a 1280-pixel window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductPagesIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:product-pages;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aSignedOutPersonIsSentToTasklistsLoginAndBackToThePage() {
    browser.get(base() + "/camunda/app/tasklist/default/");
    browser.manage().deleteAllCookies();
    browser.get(base() + "/ledger");
    new Tasklist(browser, port).logInHere("ivan", ExpectedConditions.urlToBe(base() + "/ledger"));
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person"), "ivan"));
    assertThat(headerLinks())
        .containsExactly(
            "/camunda/app/tasklist/",
            "/opportunities",
            "/ledger",
            "/health",
            "/processes/waiting-times",
            "/decisions/impact",
            "/migrations");
  }

  /**
   * Each task card of Tasklist's list shows the opportunity, its customer and its priority, which
   * the product reads for the signed-in person (collab/columns.js, {@link TaskColumns}).
   */
  @Test
  void theTaskCardsShowTheOpportunityItsCustomerAndItsPriority() {
    String id = OpportunityDriver.newOpportunityId();
    new OpportunityDriver(engine).start(OpportunityDriver.keyAccount(id));
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("alice");
    browser.get(base() + "/camunda/app/tasklist/default/");
    WebElement columns =
        new WebDriverWait(browser, WAIT)
            .until(
                ignored ->
                    browser.findElements(By.cssSelector(".collab-columns")).stream()
                        .filter(line -> line.getText().contains(id))
                        .findFirst()
                        .orElse(null));
    assertThat(columns.getText())
        .contains("Opportunity: " + id, "Customer: Shanghai Metro / 上海地铁", "Priority: B");
  }

  @Test
  void theHealthReportReadsInEitherLanguageWithoutCodes() {
    String check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("collaborationHealthCheck", Map.of("periodDays", 90))
            .getId();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(
        ignored ->
            engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(check)
                    .taskDefinitionKey("ReviewHealthReport")
                    .count()
                > 0);
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("erin");

    browser.get(base() + "/health");
    String english = readyText();
    assertThat(english)
        .contains("Collaboration health", "Maturity", "Information sharing", "Departments")
        .contains("Sales", "Operations", "Median hours to claim", "Signed in: erin");
    assertThat(codesIn(english)).isEmpty();
    assertThat(browser.findElement(By.id("departments")).getRect().getWidth())
        .as("the departments table fits a 1280-pixel window")
        .isLessThanOrEqualTo(1232);
    tasklist.screenshot("health-report");

    browser.findElement(By.id("language")).click();
    String chinese = readyText();
    assertThat(chinese).contains("协作健康报告", "协作成熟度", "信息共享", "销售部", "当前用户：erin");
    assertThat(codesIn(chinese)).isEmpty();
    tasklist.screenshot("health-report-zh");
    browser.findElement(By.id("language")).click();
    readyText();

    browser.get(base() + "/opportunities");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person"), "erin"));
    assertThat(headerLinks()).hasSize(7);
  }

  /**
   * A delivered opportunity's pages, as an auditor reads them in English and in Chinese: the list,
   * the story and the ledger name states, outcomes and departments in the reader's language.
   */
  @Test
  void anAuditorReadsTheOpportunityPagesInEitherLanguage() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(id);
    new WebDriverWait(browser, WAIT)
        .until(ignored -> !driver.tasks(id, "ApproveIncentives").isEmpty());
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("ivan");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    for (String language : List.of("en", "zh")) {
      String suffix = language.equals("en") ? "" : "-zh";
      browser.get(base() + "/opportunities");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opportunities"), id));
      String list = browser.findElement(By.id("opportunities")).getText();
      assertThat(list).doesNotContain("COMPLETED", "DELIVERED");
      tasklist.screenshot("opportunities" + suffix);

      browser.get(base() + "/opportunities/" + id);
      readyText();
      // The diagrams show the model's own labels; the rest is the product's words.
      String story =
          String.join(
              "\n",
              browser.findElement(By.id("summary")).getText(),
              browser.findElement(By.id("statement")).getText(),
              browser.findElement(By.id("timeline")).getText());
      assertThat(story)
          .doesNotContain("kpiCredit", "sharePercent", "DELIVERED", "version 1")
          .doesNotContain("qualified:", "realizedRevenue:", "sprintStatus:");
      tasklist.screenshot("opportunity-story" + suffix);

      browser.get(base() + "/ledger");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("departments"), language.equals("en") ? "Delivery" : "交付部"));
      assertThat(codesIn(browser.findElement(By.tagName("body")).getText())).isEmpty();
      tasklist.screenshot("ledger" + suffix);

      browser.findElement(By.id("language")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("departments"), language.equals("en") ? "交付部" : "Delivery"));
    }
  }

  /** The page's text, once it has drawn its report. */
  private String readyText() {
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    return browser.findElement(By.tagName("body")).getText();
  }

  /** The codes of the report a reader must never meet: dimensions, warnings and departments. */
  private static List<String> codesIn(String text) {
    List<String> codes =
        new ArrayList<>(
            List.of(
                "INFORMATION_SHARING",
                "RESOURCE_INTEGRATION",
                "INNOVATION_OUTPUT",
                "SLOW_CLAIM",
                "DISPUTES_AGAINST",
                "REPEATED_FREE_RIDER",
                "SPRINTS_AT_RISK",
                "medianClaimHours",
                "tasksPickedUp"));
    Arrays.stream(Department.values()).map(Department::name).forEach(codes::add);
    return codes.stream().filter(text::contains).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> headerLinks() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('.product-header a'))"
                    + ".map(link => link.getAttribute('href'))");
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
