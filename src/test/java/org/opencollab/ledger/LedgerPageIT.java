package org.opencollab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.identity.Department;
import org.opencollab.support.Chromium;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * An auditor traces the ledger's figures to their statements on PostgreSQL, as in production
 * (docs/auditors.md, "The ledger"): the months add up to the departments' totals, each department's
 * entries to its row; on the page, a department's row, a person's row and a month's bar each show
 * the statements that make them up, with a total equal to the figure, in either language and within
 * 1280 pixels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class LedgerPageIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("ledger")
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
  void anAuditorTracesEachFigureToItsStatements() throws Exception {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(id);
    new WebDriverWait(browser, WAIT)
        .until(ignored -> !driver.tasks(id, "ApproveIncentives").isEmpty());
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);

    // On PostgreSQL: the months add up to the departments' totals, and the entries to each.
    RestClient rest = new RestClient("http://localhost:" + port);
    JsonNode departments = read(rest.get("/api/ledger/departments", "ivan").body());
    JsonNode months = read(rest.get("/api/ledger/months", "ivan").body());
    for (JsonNode row : departments.get("departments")) {
      String department = row.get("department").asText();
      BigDecimal credit = new BigDecimal("0.00");
      for (JsonNode month : months.get("months")) {
        if (month.get("department").asText().equals(department)) {
          credit = credit.add(new BigDecimal(month.get("kpiCredit").asText()));
        }
      }
      assertThat(credit.toPlainString()).isEqualTo(row.get("kpiCredit").asText());
      JsonNode traced =
          read(rest.get("/api/ledger/entries?department=" + department, "ivan").body());
      assertThat(traced.at("/total/kpiCredit").asText()).isEqualTo(row.get("kpiCredit").asText());
      assertThat(traced.at("/total/loss").asText()).isEqualTo(row.get("loss").asText());
    }

    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("ivan");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    for (String language : List.of("en", "zh")) {
      String suffix = language.equals("en") ? "" : "-zh";
      browser.get(base() + "/ledger");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("departments"), language.equals("en") ? "Sales" : "销售部"));
      wait.until(
          ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#people tbody tr"), 0));

      // A department's row: its statements, their total the row's figures.
      WebElement sales = browser.findElement(By.cssSelector("#departments tbody tr"));
      List<String> row = cells(sales);
      sales.findElement(By.tagName("a")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statements")));
      List<String> total = totalRow();
      assertThat(total.subList(3, 6)).isEqualTo(row.subList(3, 6));
      assertThat(browser.findElement(By.cssSelector("#statements tbody tr a")).getAttribute("href"))
          .contains("/opportunities/");
      assertThat(
              browser
                  .findElement(By.cssSelector("#statements tbody td.amount"))
                  .getCssValue("text-align"))
          .isEqualTo("right");
      assertThat(bodyText())
          .doesNotContain("INCENTIVE", "LOSS")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");

      // A person's row, ranked first.
      WebElement first = browser.findElement(By.cssSelector("#people tbody tr"));
      List<String> person = cells(first);
      assertThat(person.get(0)).isEqualTo("1");
      first.findElement(By.tagName("a")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-title"), person.get(1)));
      assertThat(totalRow().get(4)).isEqualTo(person.get(4));

      // A month's bar: the top piece of the last month's credit.
      Object[] bar = lastMonthsCreditBar();
      new Actions(browser)
          .moveToElement(
              browser.findElement(By.id("months-chart")),
              ((Number) bar[0]).intValue(),
              ((Number) bar[1]).intValue())
          .click()
          .perform();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-title"), (String) bar[2]));
      assertThat(totalRow().get(3)).isEqualTo(bar[3]);

      assertThat(codesIn(bodyText())).isEmpty();
      assertThat(
              script(
                  "return document.documentElement.scrollWidth"
                      + " <= document.documentElement.clientWidth"))
          .as("no horizontal overflow at 1280 pixels")
          .isEqualTo(true);
      tasklist.screenshot("ledger-drill" + suffix);
      browser.findElement(By.id("language")).click();
    }
  }

  /**
   * Where the last month's topmost credit piece is, relative to the chart's centre; the title its
   * statements get; its figure.
   */
  private Object[] lastMonthsCreditBar() {
    @SuppressWarnings("unchecked")
    List<Object> found =
        (List<Object>)
            script(
                "const element = document.getElementById('months-chart');"
                    + " element.scrollIntoView({block: 'center'});"
                    + " const chart = echarts.getInstanceByDom(element);"
                    + " const option = chart.getOption();"
                    + " const last = option.xAxis[0].data.length - 1;"
                    + " const credits = option.series.map((s, i) => i)"
                    + "   .filter(i => option.series[i].data[last].key === 'kpiCredit'"
                    + "     && option.series[i].data[last].value > 0);"
                    + " const index = credits[credits.length - 1];"
                    + " const piece = option.series[index].data[last];"
                    + " const height = credits"
                    + "   .reduce((sum, i) => sum + option.series[i].data[last].value, 0);"
                    + " const top = chart.convertToPixel({seriesIndex: index}, [last, height]);"
                    + " const box = element.getBoundingClientRect();"
                    + " return [top[0] - box.width / 2, top[1] + 3 - box.height / 2,"
                    + "   word(piece.department) + t(', ', '，') + monthName(piece.month),"
                    + "   piece.value.toFixed(2)];");
    return found.toArray();
  }

  private List<String> totalRow() {
    return cells(browser.findElement(By.cssSelector("#statements tbody tr.total")));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  private String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static List<String> codesIn(String text) {
    return Arrays.stream(Department.values()).map(Department::name).filter(text::contains).toList();
  }

  private Object script(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static JsonNode read(String body) throws Exception {
    return JSON.readTree(body);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
