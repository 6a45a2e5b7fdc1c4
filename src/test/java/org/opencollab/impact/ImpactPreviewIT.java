package org.opencollab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.support.Chromium;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The impact preview on PostgreSQL, as in production, with the job executor running: a raised
 * threshold of {@code techParticipation} replayed over a day of known opportunities, an edited
 * incentive policy set against the ledger to the cent, and a process owner who uploads the edited
 * table on the page and reads the outcomes that change, in either language, within 1280 pixels. The
 * known history is written on days of 2018, with the engine's clock set there only while it is
 * written, so that the demo opportunities of today do not fall into the period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class ImpactPreviewIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TECH_DAY = ImpactPreviewTest.TECH_DAY;
  private static final String MONEY_DAY = ImpactPreviewTest.MONEY_DAY;
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("impact")
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterAll
  static void stopBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aProcessOwnerPreviewsARaisedThresholdAndARicherPolicy() throws Exception {
    OpportunityDriver driver = new OpportunityDriver(engine);
    awaitNoJobs();
    String largeStandard;
    String largeStrategic;
    String delivered = OpportunityDriver.newOpportunityId();
    try {
      at(TECH_DAY, 0);
      largeStandard = start(driver, lowComplexity(6_000_000L, "STANDARD"));
      at(TECH_DAY, 1);
      largeStrategic = start(driver, lowComplexity(6_000_000L, "STRATEGIC"));
      at(TECH_DAY, 2);
      start(driver, OpportunityDriver.keyAccount(OpportunityDriver.newOpportunityId()));

      at(MONEY_DAY, 0);
      driver.deliverWorkedExampleUntilApproval(delivered);
      new WebDriverWait(browser, WAIT)
          .until(ignored -> !driver.tasks(delivered, "ApproveIncentives").isEmpty());
      driver.complete(delivered, "ApproveIncentives", "incentivesApproved", true);
      awaitNoJobs();
    } finally {
      ClockUtil.reset();
    }

    ImpactRequests impact = new ImpactRequests("http://localhost:" + port);
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    JsonNode threshold =
        JSON.readTree(
            impact
                .preview(
                    "techParticipation",
                    "olivia",
                    ImpactPreviewTest.raisedThreshold(),
                    TECH_DAY,
                    TECH_DAY)
                .body());
    assertThat(threshold.get("evaluations").asInt()).isEqualTo(3);
    assertThat(threshold.get("changed").asInt()).isEqualTo(2);
    assertThat(ImpactPreviewTest.texts(threshold.get("changes"), "opportunityId"))
        .containsExactly(largeStandard, largeStrategic);

    JsonNode policy =
        JSON.readTree(
            impact
                .preview("incentivePolicy", "olivia", richerPolicy(), MONEY_DAY, MONEY_DAY)
                .body());
    assertThat(policy.get("evaluations").asInt()).isEqualTo(1);
    JsonNode money = policy.get("money");
    assertThat(money.get("statements").asInt()).isEqualTo(1);
    assertThat(ImpactPreviewTest.figures(money.get("departments"), "department", "SALES"))
        .containsExactly(
            "1000000.00",
            "1000000.00",
            "0.00",
            "20000.00",
            "25000.00",
            "5000.00",
            "0.00",
            "0.00",
            "0.00");
    assertThat(ImpactPreviewTest.figures(money.get("people"), "userId", "alice").subList(0, 4))
        .containsExactly("SALES", "20000.00", "16964.29", "-3035.71");
    assertThat(ImpactPreviewTest.figures(money.get("people"), "userId", "sam").subList(0, 4))
        .containsExactly("SALES", "0.00", "8035.71", "8035.71");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .as("nothing deployed")
        .isEqualTo(deployments);

    // On the page: olivia uploads the edited table and reads what changes.
    Path file = Files.createTempFile("techParticipation", ".dmn");
    Files.write(file, ImpactPreviewTest.raisedThreshold());
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("olivia");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    for (String language : List.of("en", "zh")) {
      browser.get("http://localhost:" + port + "/decisions/impact?decision=techParticipation");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person")));
      assertThat(
              new Select(browser.findElement(By.id("decision"))).getFirstSelectedOption().getText())
          .isEqualTo(language.equals("en") ? "Tech participation in negotiations" : "技术参与商务谈判");
      browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      script("document.getElementById('from').value = arguments[0];", TECH_DAY);
      script("document.getElementById('to').value = arguments[0];", TECH_DAY);
      browser.findElement(By.id("run")).click();
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
      String summary = browser.findElement(By.id("summary")).getText();
      String table = browser.findElement(By.id("changes")).getText();
      if (language.equals("en")) {
        assertThat(summary).endsWith("3 evaluations replayed, 2 outcomes change");
        assertThat(table)
            .contains(largeStandard, largeStrategic, "Tech participation: none")
            .contains("Tech participation: advisory", "Tech participation: mandatory")
            .contains("Estimated value (CNY): 6,000,000")
            .contains("The estimated value is 5,000,000 CNY or more");
      } else {
        assertThat(summary).endsWith("重放 3 次评估，2 个结果发生变化");
        assertThat(table).contains("技术参与：无需参与", "技术参与：建议参与", "预估金额：6,000,000");
      }
      assertThat(browser.findElement(By.tagName("body")).getText())
          .doesNotContain("MANDATORY", "ADVISORY", "Input_", "techParticipationReason");
      assertThat(
              script(
                  "return document.documentElement.scrollWidth"
                      + " <= document.documentElement.clientWidth"))
          .as("no horizontal overflow at 1280 pixels")
          .isEqualTo(true);
      tasklist.screenshot("impact-preview" + (language.equals("en") ? "" : "-zh"));
      browser.findElement(By.id("language")).click();
    }

    // The richer policy on the page: the money per department and person (English again).
    Path policyFile = Files.createTempFile("incentivePolicy", ".dmn");
    Files.write(policyFile, richerPolicy());
    browser.get("http://localhost:" + port + "/decisions/impact?decision=incentivePolicy");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person")));
    browser.findElement(By.id("file")).sendKeys(policyFile.toAbsolutePath().toString());
    script("document.getElementById('from').value = arguments[0];", MONEY_DAY);
    script("document.getElementById('to').value = arguments[0];", MONEY_DAY);
    browser.findElement(By.id("run")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    assertThat(browser.findElement(By.id("changes")).getText())
        .contains("Bonus pool rate: 0.025", "Free-rider threshold: 2");
    assertThat(browser.findElement(By.id("money-departments")).getText())
        .contains("Sales", "20,000.00", "25,000.00", "+5,000.00");
    assertThat(browser.findElement(By.id("money-people")).getText())
        .contains("alice", "16,964.29", "-3,035.71", "sam", "+8,035.71");
    assertThat(
            script(
                "return document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth"))
        .as("no horizontal overflow at 1280 pixels")
        .isEqualTo(true);
    script("document.getElementById('money-section').scrollIntoView({block: 'start'});");
    tasklist.screenshot("impact-preview-money");
  }

  private static byte[] richerPolicy() {
    return ImpactRequests.edited(
        "incentivePolicy",
        "<outputEntry id=\"Rule_PriorityB_PoolRate\"><text>0.02</text>",
        "<outputEntry id=\"Rule_PriorityB_PoolRate\"><text>0.025</text>",
        "<outputEntry id=\"Rule_PriorityB_FreeRider\"><text>2.5</text>",
        "<outputEntry id=\"Rule_PriorityB_FreeRider\"><text>2.0</text>");
  }

  /** {@code minute} past nine in the morning of {@code day}, server time. */
  private static void at(String day, int minute) {
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDate.parse(day).atTime(9, minute).atZone(ZoneId.systemDefault()).toInstant()));
  }

  private static String start(OpportunityDriver driver, Map<String, Object> variables) {
    driver.start(variables);
    return (String) variables.get(OpportunityVariables.OPPORTUNITY_ID);
  }

  private static Map<String, Object> lowComplexity(long value, String tier) {
    Map<String, Object> variables =
        OpportunityDriver.keyAccount(OpportunityDriver.newOpportunityId());
    variables.put(OpportunityVariables.TECHNICAL_COMPLEXITY, "LOW");
    variables.put(OpportunityVariables.ESTIMATED_VALUE, value);
    variables.put(OpportunityVariables.CUSTOMER_TIER, tier);
    return variables;
  }

  /** Until the job executor has run every job that is due: the demo's, then ours. */
  private void awaitNoJobs() {
    new WebDriverWait(browser, WAIT)
        .until(
            ignored ->
                engine.getManagementService().createJobQuery().executable().messages().count()
                    == 0);
  }

  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }
}
