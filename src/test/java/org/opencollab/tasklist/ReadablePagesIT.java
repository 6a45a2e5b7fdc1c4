package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.health.HealthCheckVariables;
import org.opencollab.support.Chromium;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.ReaderTokens;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every product page, and the health report's form in Tasklist, read in Chromium at 1280 × 900 in
 * English and in Chinese, over the demo's opportunities at every stage and a delivered and a lost
 * one: no variable name, code or process id in sight ({@link ReaderTokens}, gathered from the
 * engine, not listed by hand), and no text wider than its box.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "collab.demo.seed=true")
@ActiveProfiles("demo")
class ReadablePagesIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:readable-pages;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyPageReadsInEitherLanguageWithoutVariableNamesCodesOrIds() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String delivered = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(delivered);
    wait(ignored -> !driver.tasks(delivered, "ApproveIncentives").isEmpty());
    driver.complete(delivered, "ApproveIncentives", "incentivesApproved", true);
    String lost = OpportunityDriver.newOpportunityId();
    String lostInstance = driver.loseWorkedExampleUntilAllocation(lost).getId();
    wait(
        ignored ->
            engine
                    .getHistoryService()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(lostInstance)
                    .activityId("AllocateLoss")
                    .finished()
                    .count()
                > 0);
    awaitHealthReport();
    ReaderTokens tokens = ReaderTokens.of(engine);
    assertThat(tokens.all())
        .as("tokens gathered from the engine")
        .contains("kpiCredit", "estimatedValue", "SALES", "MANDATORY", "QualifyOpportunity")
        .hasSizeGreaterThan(200);

    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("ivan");
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String language : List.of("en", "zh-CN")) {
      choose(language);
      read("/opportunities", language, tokens, problems);
      List<String> ids = listedOpportunities();
      assertThat(ids).contains(delivered, lost).hasSizeGreaterThan(5);
      for (String id : ids) {
        read("/opportunities/" + id, language, tokens, problems);
      }
      read("/ledger", language, tokens, problems);
      read("/health", language, tokens, problems);
    }

    Task review =
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
            .taskDefinitionKey("ReviewHealthReport")
            .list()
            .get(0);
    choose("en");
    tasklist.logIn("erin");
    for (String language : List.of("en", "zh-CN")) {
      choose(language);
      tasklist.openTask(review.getId(), false);
      String where = "Tasklist, the health report's form (" + language + ")";
      note(problems, where, tokens.in(tasklist.formText()));
      note(problems, where, overflowing(".fjs-form"));
      tasklist.screenshot("review-health-report" + (language.equals("en") ? "" : "-zh"));
    }

    assertThat(problems).as("what a reader meets that they should not").isEmpty();
  }

  /**
   * The person's language for the product's pages and the webapps alike, as the switch keeps it.
   */
  private void choose(String language) {
    browser.get(base() + "/opportunities");
    ((JavascriptExecutor) browser)
        .executeScript("localStorage.setItem('collab.language', arguments[0])", language);
  }

  private void read(
      String path, String language, ReaderTokens tokens, Map<String, List<String>> problems) {
    browser.get(base() + path);
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
        .isEqualTo(language.startsWith("zh") ? "zh-CN" : "en");
    String where = path + " (" + language + ")";
    String text = visibleText();
    note(problems, where, tokens.in(text));
    note(problems, where, bothLanguages(withoutWhatPeopleEntered(text)));
    note(problems, where, overflowing("body"));
  }

  /**
   * {@code text} without the texts people entered in both languages themselves (the demo's
   * customers are named "Hangzhou Lianxin / 杭州联信"): a page shows what was entered as it was.
   */
  private String withoutWhatPeopleEntered(String text) {
    String rest = text;
    for (HistoricVariableInstance variable :
        engine.getHistoryService().createHistoricVariableInstanceQuery().list()) {
      if (variable.getValue() instanceof String entered && entered.contains(" / ")) {
        rest = rest.replace(entered, "");
      }
    }
    return rest;
  }

  /**
   * Texts the page shows in both languages at once ("Export CSV / 导出 CSV"): a product page speaks
   * the reader's language only (Tasklist's forms are bilingual by design and are not asked this).
   */
  private static List<String> bothLanguages(String text) {
    List<String> found = new ArrayList<>();
    Matcher pair =
        Pattern.compile("[A-Za-z0-9)][^\\n/]{0,40} / [^\\n]{0,10}\\p{IsHan}").matcher(text);
    while (pair.find()) {
      found.add("both languages: «" + pair.group() + "»");
    }
    return found;
  }

  private static void note(Map<String, List<String>> problems, String where, List<String> found) {
    if (!found.isEmpty()) {
      problems.computeIfAbsent(where, ignored -> new ArrayList<>()).addAll(found);
    }
  }

  /** What the page shows: its text, the titles and placeholders, and the tab's title. */
  private String visibleText() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [document.title, document.body.innerText,"
                    + " ...Array.from(document.querySelectorAll('[title], [placeholder]'))"
                    + "   .map(node => (node.title || '') + ' ' + (node.placeholder || ''))]"
                    + " .join('\\n')");
  }

  /**
   * The boxes under {@code root} whose text is wider than they are, innermost first, and the page
   * itself when it is wider than the window. A box that scrolls on purpose, and the diagram's and
   * the charts' drawings, are left out.
   */
  @SuppressWarnings("unchecked")
  private List<String> overflowing(String root) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const found = [];"
                    + "for (const node of document.querySelectorAll(arguments[0] + ' *')) {"
                    + "  if (node.closest('svg, canvas, .djs-container, .chart')) continue;"
                    + "  const style = getComputedStyle(node);"
                    + "  if (['inline', 'none', 'contents'].includes(style.display)) continue;"
                    + "  if (['auto', 'scroll'].includes(style.overflowX)) continue;"
                    + "  if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1)"
                    + "    found.push(node);"
                    + "}"
                    + "const innermost = found.filter(n => !found.some(o => o !== n && n.contains(o)));"
                    + "const named = innermost.map(n => 'text wider than its box: <'"
                    + "  + n.tagName.toLowerCase() + (n.id ? '#' + n.id : '')"
                    + "  + (n.className && typeof n.className === 'string' ? '.' + n.className : '')"
                    + "  + '> ' + n.scrollWidth + ' > ' + n.clientWidth + ' px: '"
                    + "  + (n.innerText || '').slice(0, 60));"
                    + "if (document.documentElement.scrollWidth > window.innerWidth)"
                    + "  named.push('page wider than the window: '"
                    + "    + document.documentElement.scrollWidth + ' > ' + window.innerWidth);"
                    + "return named;",
                root);
  }

  @SuppressWarnings("unchecked")
  private List<String> listedOpportunities() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#opportunities tbody a'))"
                    + ".map(link => link.textContent)");
  }

  /** The demo's first health check, assessed by the job executor. */
  private void awaitHealthReport() {
    wait(
        ignored ->
            engine
                    .getTaskService()
                    .createTaskQuery()
                    .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
                    .taskDefinitionKey("ReviewHealthReport")
                    .count()
                > 0);
  }

  private void wait(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, WAIT).until(condition);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
