package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department member signs the collaboration agreement in Tasklist, in Debian's Chromium (driven
 * by Selenium through Debian's chromedriver; {@code .ci/run} installs both): the form shows every
 * department's share before the decision; the rejection fields appear only when "Reject" is chosen;
 * "Approve" completes the task and records a Boolean approval signed by that member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class TasklistFormsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private Tasklist tasklist;

  @BeforeEach
  void openTasklist() {
    tasklist = new Tasklist(browser, port);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:tasklist-forms;DB_CLOSE_DELAY=-1");
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
  void aDepartmentMemberSeesTheSharesAndSignsWithAChoice() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    Task salesSignOff =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey("SignCollaborationAgreement")
            .taskCandidateGroup("sales")
            .singleResult();

    tasklist.logIn("sam");
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + salesSignOff.getId());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(normalize-space(.), 'Claim')]")))
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "35 %"));

    String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
    assertThat(form)
        .contains("Department shares", "Sales / 销售部", "50 %", "Technical / 技术部", "35 %")
        .contains("Delivery / 交付部", "15 %", "Your department Sales")
        .contains("alice", "bob", "carol")
        .doesNotContainPattern("\\b(SALES|TECH|DELIVERY)\\b")
        .doesNotContain("Rejection reason");

    tasklist.choose("Reject / 不同意");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".fjs-form"), "Rejection reason"));
    tasklist.choose("Approve / 同意");
    wait.until(
        ExpectedConditions.not(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".fjs-form"), "Rejection reason")));
    tasklist.screenshot("sign-collaboration-agreement");

    WebElement complete =
        browser.findElement(By.xpath("//button[contains(normalize-space(.), 'Complete')]"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    complete.click();
    wait.until(
        ignored ->
            engine.getTaskService().createTaskQuery().taskId(salesSignOff.getId()).count() == 0);
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(salesSignOff.getProcessInstanceId(), "agreementSignatures")
                .toString())
        .contains("\"SALES\":{\"approved\":true,\"signedBy\":\"sam\"}");
  }

  /**
   * Tasklist carries the product's name, without Camunda's end-of-life banner, and offers "Create
   * task" only to someone who may create tasks: not to a department member, to an administrator.
   */
  @Test
  void tasklistIsTheProductsOwn() {
    tasklist.logIn("sam");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    assertThat(browser.findElement(By.cssSelector(".navbar-brand")).getText())
        .contains("Opportunity collaboration");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElements(By.cssSelector(".navbar-brand .brand-logo")))
        .as("Camunda's logo in the header")
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElements(By.cssSelector(".create-task-action")))
        .noneMatch(WebElement::isDisplayed);

    tasklist.logIn("olivia");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".create-task-action")));
  }

  /**
   * An auditor opens a delivered opportunity's story page, signed in as for Tasklist: the diagrams
   * mark the path taken, the timeline and the statement are there; the list page finds it.
   */
  @Test
  void anAuditorReadsADeliveredOpportunitysStory() throws Exception {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(id);
    new WebDriverWait(browser, WAIT)
        .until(ignored -> !driver.tasks(id, "ApproveIncentives").isEmpty());
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);

    tasklist.logIn("ivan");
    browser.get(base() + "/opportunities/" + id);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    try {
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    } catch (org.openqa.selenium.TimeoutException notReady) {
      tasklist.screenshot("opportunity-story-not-ready");
      throw new AssertionError(
          "the story page did not get ready: "
              + browser.findElement(By.tagName("body")).getText()
              + " / browser log: "
              + browser.manage().logs().get("browser").getAll(),
          notReady);
    }
    assertThat(browser.findElements(By.cssSelector(".diagram"))).hasSizeGreaterThan(5);
    assertThat(browser.findElements(By.cssSelector(".djs-element.passed"))).hasSizeGreaterThan(20);
    assertThat(browser.findElements(By.cssSelector(".time-spent"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSizeGreaterThan(20);
    assertThat(browser.findElement(By.id("statement")).getText()).contains("40000.00", "alice");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("Outcome: delivered");
    assertThat(browser.findElement(By.id("statement")).getText())
        .contains("Bonus pool (CNY)", "KPI credit (CNY)", "Total")
        .doesNotContain("kpiCredit");
    tasklist.screenshot("opportunity-story");

    browser.get(base() + "/opportunities");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opportunities"), id));
  }

  /**
   * A coordinator reviews a health report in Tasklist as tables: maturity levels (overall and per
   * department, with the change since the last report), warnings, the follow-ups of this report and
   * of the last one, departments and overall figures, not raw Json.
   */
  @Test
  void aCoordinatorReviewsTheHealthReportAsTables() {
    String check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("collaborationHealthCheck", Map.of("periodDays", 30))
            .getId();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    Task review =
        wait.until(
            ignored ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(check)
                    .taskDefinitionKey("ReviewHealthReport")
                    .singleResult());

    tasklist.logIn("erin");
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(normalize-space(.), 'Claim')]")))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".fjs-form"), "Information sharing / 信息共享"));
    String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
    assertThat(form)
        .contains("Maturity levels", "Resource integration / 资源整合", "Innovation output / 创新产出")
        .contains("Warnings", "Departments", "Sales / 销售部", "Operations / 运营部", "Overall")
        .contains(
            "Maturity per department (1–5) / 各部门协作成熟度（1–5）", "Last report / 上次报告", "Change / 变化")
        .contains("Follow-ups of the last report / 上次报告预警的跟进")
        .doesNotContain("INFORMATION_SHARING", "SALES", "OPERATIONS", "CONTACTED_DEPARTMENT")
        .contains("Opportunities started", "Period / 期间: ")
        .doesNotContain("\"departments\"");
    assertThat(browser.findElements(By.cssSelector(".fjs-form table"))).hasSize(7);
    tasklist.screenshot("review-health-report");

    WebElement notes = browser.findElement(By.cssSelector(".fjs-form textarea"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", notes);
    notes.sendKeys("Nothing to follow up this month");
    WebElement complete =
        browser.findElement(By.xpath("//button[contains(normalize-space(.), 'Complete')]"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    complete.click();
    wait.until(
        ignored -> engine.getTaskService().createTaskQuery().taskId(review.getId()).count() == 0);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(check)
                .variableName("reviewNotes")
                .singleResult()
                .getValue())
        .isEqualTo("Nothing to follow up this month");
  }

  /**
   * The ledger page: an auditor sees every department's totals with a bar each, a team member only
   * their own row.
   */
  @Test
  void theLedgerPageShowsTotalsWithAChartAndAPersonTheirOwnRow() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(id);
    new WebDriverWait(browser, WAIT)
        .until(ignored -> !driver.tasks(id, "ApproveIncentives").isEmpty());
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);

    tasklist.logIn("ivan");
    browser.get(base() + "/ledger");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("departments"), "Delivery"));
    assertThat(browser.findElement(By.id("departments")).getText()).doesNotContain("DELIVERY");
    // ECharts draws a bar per department and series: the KPI credits of the three departments.
    Object credits =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart'))"
                    + ".getOption().series[0].data.filter(value => value > 0).length");
    assertThat(((Number) credits).intValue()).isGreaterThan(2);
    assertThat(browser.findElement(By.id("people")).getText()).contains("alice", "sam", "bob");
    tasklist.screenshot("ledger");

    tasklist.logIn("alice");
    browser.get(base() + "/ledger");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "alice"));
    assertThat(browser.findElement(By.id("people")).getText()).doesNotContain("bob", "sam");
    assertThat(browser.findElement(By.id("departments-section")).isDisplayed()).isFalse();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
