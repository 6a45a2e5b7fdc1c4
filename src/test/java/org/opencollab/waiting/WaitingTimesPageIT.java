package org.opencollab.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.waiting.KnownWaits.MINUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.support.Chromium;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.Tasklist;
import org.opencollab.support.TimedWalk;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
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
 * A process owner reads where time goes, on PostgreSQL as in production: the known history's exact
 * figures ({@link KnownWaits}), then opportunities worked over weeks of the engine's clock ({@link
 * TimedWalk}) drawn on the diagram and its phases, each step coloured by its median wait with a
 * label of its figures, the slowest tasks linked to their stories, in either language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class WaitingTimesPageIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERIOD = "from=2031-05-01&to=2031-07-31";
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("waiting")
        .forEach((name, value) -> registry.add(name, () -> value));
    // The walks move the engine's clock: no job executor to fire timers meanwhile.
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1280, 1400));
  }

  @AfterAll
  static void stopBrowser() {
    TimedWalk.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aProcessOwnerSeesWhereTimeGoesOnTheDiagram() throws Exception {
    new KnownWaits(engine).make();
    RestClient rest = new RestClient("http://localhost:" + port);
    JsonNode known =
        read(
            rest,
            "/api/processes/collaborationHealthCheck/waiting-times?from="
                + KnownWaits.FROM
                + "&to="
                + KnownWaits.TO);
    JsonNode review = known.get("activities").get(0);
    assertThat(review.get("activityId").asText()).isEqualTo("ReviewHealthReport");
    assertThat(review.get("count").asInt()).isEqualTo(5);
    assertThat(review.get("waitingMedianMillis").asLong()).isEqualTo(30 * MINUTE);
    assertThat(review.get("waitingP90Millis").asLong()).isEqualTo(50 * MINUTE);
    assertThat(review.get("workedMedianMillis").asLong()).isEqualTo(180 * MINUTE);
    assertThat(review.get("workedP90Millis").asLong()).isEqualTo(600 * MINUTE);

    TimedWalk walk = new TimedWalk(engine, Instant.parse("2031-05-05T01:00:00Z"), 24);
    try {
      walk.deliver();
      walk.pass(Duration.ofDays(2));
      walk.lose();
      walk.pass(Duration.ofDays(1));
      walk.disqualify();
      walk.deliver();
    } finally {
      TimedWalk.reset();
    }
    JsonNode walked = read(rest, "/api/processes/opportunityToDelivery/waiting-times?" + PERIOD);
    assertThat(walked.get("tasks").asInt()).isGreaterThan(40);
    assertThat(walked.get("slowest")).hasSize(10);
    assertThat(walked.get("phases").findValuesAsText("phaseId")).contains("Phase_Delivery");

    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("olivia");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    for (String language : List.of("en", "zh")) {
      browser.get(
          "http://localhost:"
              + port
              + "/processes/waiting-times?process=opportunityToDelivery&"
              + PERIOD);
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
      assertThat(browser.findElements(By.cssSelector("#diagrams .diagram")).size())
          .as("the process and its phases")
          .isGreaterThan(4);
      List<WebElement> labels = browser.findElements(By.cssSelector(".heat-label"));
      assertThat(labels).hasSizeGreaterThan(15);
      assertThat(labels.get(0).getText()).contains("×");
      assertThat(browser.findElements(By.cssSelector(".djs-element.heat-4"))).isNotEmpty();
      assertThat(browser.findElements(By.cssSelector(".djs-element.heat-0"))).isNotEmpty();
      WebElement slowest = browser.findElement(By.cssSelector("#slowest tbody tr a"));
      assertThat(slowest.getAttribute("href")).contains("/opportunities/OPP-");
      String text = browser.findElement(By.tagName("body")).getText();
      assertThat(text).doesNotContain("Phase_", "Millis", "null", "undefined");
      if (language.equals("zh")) {
        assertThat(text).contains("时间花在哪里", "等待", "设计方案");
      } else {
        assertThat(text).contains("Where time goes", "Design solution");
      }
      ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
      String name = "waiting-times" + (language.equals("en") ? "" : "-zh");
      tasklist.screenshot(name);
      browser.findElement(By.id("language")).click();
    }
  }

  @Test
  void thePeriodEndsOnTheReadersOwnDay() {
    new Tasklist(browser, port).logIn("olivia");
    ChromiumDriver chromium = (ChromiumDriver) browser;
    chromium.executeCdpCommand(
        "Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
    try {
      browser.get("http://localhost:" + port + "/processes/waiting-times");
      WebElement to = browser.findElement(By.id("to"));
      new WebDriverWait(browser, WAIT).until(page -> !to.getAttribute("value").isEmpty());
      JavascriptExecutor script = (JavascriptExecutor) browser;
      assertThat(to.getAttribute("value"))
          .isEqualTo(script.executeScript("return new Date().toLocaleDateString('sv-SE')"));
      assertThat(script.executeScript("return isoDay(new Date('2031-05-05T23:30:00Z'))"))
          .as("07:30 in Shanghai is already the next day there")
          .isEqualTo("2031-05-06");
      assertThat(script.executeScript("return isoDay(new Date('2031-05-05T15:59:00Z'))"))
          .isEqualTo("2031-05-05");
    } finally {
      chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
    }
  }

  private static JsonNode read(RestClient rest, String path) throws Exception {
    HttpResponse<String> answer = rest.get(path, "olivia");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
