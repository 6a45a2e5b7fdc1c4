package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.Chromium;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.ReaderTokens;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every form of Tasklist read in Chromium at 1280 × 900, in English and in Chinese: the form of
 * every open task of the demo (its opportunities at every stage, and a few more driven to the tasks
 * the demo does not reach), each opened by someone who may work it, without claiming it, and the
 * three start forms. No variable name, code or process id in sight ({@link ReaderTokens}), the
 * labels of every select's options included, and no text wider than its box. One open task of each
 * kind is read: a form reads the same for every task of its kind.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "collab.demo.seed=true")
@ActiveProfiles("demo")
class ReadableFormsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> LANGUAGES = List.of("en", "zh-CN");
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private Tasklist tasklist;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:readable-forms;DB_CLOSE_DELAY=-1");
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
  void everyFormReadsInEitherLanguageWithoutVariableNamesCodesOrIds() {
    driveToTheTasksTheDemoDoesNotReach();
    ReaderTokens tokens = ReaderTokens.of(engine);
    assertThat(tokens.all()).contains("SALES", "MANDATORY", "DELIVERY_FAILED", "kpiCredit");

    // One open task of each kind, opened by someone who may work it.
    Map<String, Task> oneOfEachKind = new TreeMap<>();
    for (Task task : engine.getTaskService().createTaskQuery().active().list()) {
      oneOfEachKind.putIfAbsent(task.getTaskDefinitionKey(), task);
    }
    Map<String, List<Task>> tasksByUser = new TreeMap<>();
    for (Task task : oneOfEachKind.values()) {
      tasksByUser.computeIfAbsent(userWhoMaySee(task), ignored -> new ArrayList<>()).add(task);
    }
    assertThat(oneOfEachKind)
        .hasSizeGreaterThan(15)
        .containsKeys(
            "FollowUpLateStep",
            "AnswerCustomerFeedback",
            "CompletePressRelease",
            "RateTeamAsCoordinator",
            "RateTeamAsSponsor",
            "FollowUpHealthWarning");

    tasklist = new Tasklist(browser, port);
    Map<String, List<String>> problems = new LinkedHashMap<>();
    note(problems, "the options of the Camunda Forms", tokens.in(optionLabelsOfTheForms()));
    for (Map.Entry<String, List<Task>> mine : tasksByUser.entrySet()) {
      choose("en");
      tasklist.logIn(mine.getKey());
      for (String language : LANGUAGES) {
        choose(language);
        for (Task task : mine.getValue()) {
          tasklist.openTask(task.getId(), false);
          awaitFilled();
          String where =
              task.getTaskDefinitionKey()
                  + " of "
                  + Optional.ofNullable(task.getProcessInstanceId()).orElse("-")
                  + " as "
                  + mine.getKey()
                  + " ("
                  + language
                  + ")";
          read(where, tokens, problems);
        }
      }
    }

    for (String[] start :
        List.of(
            new String[] {"alice", "Opportunity to delivery"},
            new String[] {"alice", "Collaboration arbitration"},
            new String[] {"erin", "Collaboration health check"})) {
      for (String language : LANGUAGES) {
        String where = "start form of " + start[1] + " (" + language + ")";
        try {
          choose("en");
          tasklist.logIn(start[0]);
          choose(language);
          openStartForm(start[1]);
          awaitFilled();
          read(where, tokens, problems);
        } catch (org.openqa.selenium.TimeoutException notOpened) {
          tasklist.screenshot("readable-forms-" + start[0] + "-" + language);
          note(
              problems,
              where,
              List.of("not opened: " + notOpened.getMessage().lines().findFirst().orElse("")));
        }
      }
    }

    assertThat(problems).as("what a reader meets in a form that they should not").isEmpty();
  }

  /**
   * The demo leaves no task open at the delivery's acceptance, the departments' input, the peers'
   * evaluation, the incentives' approval, the retrospective, a mediation, a late step's follow-up,
   * an answer to customer feedback, a part of a press release, the executive sponsor's rating or a
   * health warning's follow-up: these opportunities, disputes and a health check wait there.
   */
  private void driveToTheTasksTheDemoDoesNotReach() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String approval = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(approval);
    driver.deliverWorkedExampleUntilEvaluation(OpportunityDriver.newOpportunityId());
    String acceptance = OpportunityDriver.newOpportunityId();
    untilDelivered(driver, acceptance);
    String inputs = OpportunityDriver.newOpportunityId();
    untilDelivered(driver, inputs);
    driver.complete(inputs, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.loseWorkedExampleUntilAllocation(OpportunityDriver.newOpportunityId());
    String drafting = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(drafting));
    driver.qualify(drafting);
    driver.formWorkedExampleTeam(drafting);
    String planning = OpportunityDriver.newOpportunityId();
    untilWon(driver, planning);
    String losing = OpportunityDriver.newOpportunityId();
    untilWon(driver, losing);
    driver.complete(losing, "PlanDelivery", "sprintCount", 1);
    driver.complete(
        losing, "ReviewSprint", "sprintStatus", "FAILED", "sprintNotes", "The crane feed failed");
    driver.raiseDispute(approval, 10_000L);
    // A late step, an item of customer feedback and a press release being completed.
    driver.fireTimer(drafting, "DraftCollaborationAgreement");
    String feedback = OpportunityDriver.newOpportunityId();
    untilWon(driver, feedback);
    driver.complete(feedback, "PlanDelivery", "sprintCount", 2);
    driver.complete(
        feedback,
        "ReviewSprint",
        "sprintStatus",
        "ON_TRACK",
        "customerFeedback",
        "Riders want the arrival board in English too");
    String pressRelease = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.strategicAccount(pressRelease));
    driver.qualify(pressRelease);
    driver.formTaskForce(pressRelease);
    driver.complete(
        pressRelease, "DraftPressRelease", "pressRelease", "Riders see their train arrive.");
    // A task force delivered, its inputs reported: its executive sponsor rates the team.
    String sponsored = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.strategicAccount(sponsored));
    driver.qualify(sponsored);
    driver.formTaskForce(sponsored);
    driver.complete(sponsored, "DraftPressRelease", "pressRelease", "Riders see their train.");
    driver.completePressRelease(sponsored);
    driver.draftAgreement(sponsored, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(sponsored);
    driver.complete(sponsored, "ApproveBid", "bidApproved", true);
    driver.designAndOffer(sponsored);
    driver.negotiate(sponsored, "WON", "contractValue", 2_000_000L);
    driver.deliver(sponsored, 1);
    driver.complete(sponsored, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    driver.play(sponsored, WorkedOpportunity.reportInputs(WorkedOpportunity.DELIVERED_INPUTS));
    // Two more disputes against SALES, three with the one above: a check by hand warns of them
    // (DMN healthWarnings, 3 or more) and opens the warning's follow-up.
    driver.raiseDispute(planning, 10_000L);
    driver.raiseDispute(losing, 10_000L);
    engine
        .getRuntimeService()
        .startProcessInstanceByKey("collaborationHealthCheck", Map.of("periodDays", 90));
    awaitTask("ApproveIncentives");
    awaitTask("HoldRetrospective");
    awaitTask("ReviewHealthReport");
    awaitTask("RateTeamAsSponsor");
    awaitTask("FollowUpHealthWarning");
  }

  private static void untilDelivered(OpportunityDriver driver, String id) {
    untilWon(driver, id);
    driver.deliver(id, 1);
  }

  private static void untilWon(OpportunityDriver driver, String id) {
    driver.start(OpportunityDriver.keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.signAll(id);
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
  }

  private void awaitTask(String key) {
    new WebDriverWait(browser, WAIT)
        .until(
            ignored ->
                engine.getTaskService().createTaskQuery().taskDefinitionKey(key).count() > 0);
  }

  /** The task's assignee, or else the first member of its first candidate group. */
  private String userWhoMaySee(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        List<User> members =
            engine
                .getIdentityService()
                .createUserQuery()
                .memberOfGroup(link.getGroupId())
                .orderByUserId()
                .asc()
                .list();
        if (!members.isEmpty()) {
          return members.get(0).getId();
        }
      }
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        return link.getUserId();
      }
    }
    throw new AssertionError("nobody may see " + task.getTaskDefinitionKey() + " " + task.getId());
  }

  /**
   * The person's language for the product's pages and the webapps alike, as the switch keeps it.
   */
  private void choose(String language) {
    browser.get(base() + "/opportunities");
    ((JavascriptExecutor) browser)
        .executeScript("localStorage.setItem('collab.language', arguments[0])", language);
  }

  /**
   * Opens the start dialog, in either language, and the start form of the process {@code name}. A
   * dialog whose form has not shown after the wait (once in a CI run, the health check's), or a
   * page that navigated under the click, is left: Tasklist is loaded afresh and asked again, at
   * most three times, as a person would.
   */
  private void openStartForm(String name) {
    for (int attempt = 1; ; attempt++) {
      try {
        openStartFormOnce(name);
        return;
      } catch (org.openqa.selenium.WebDriverException notShown) {
        // not shown in time, or the page navigated under the click ("aborted by navigation")
        if (attempt == 3) {
          throw notShown;
        }
      }
    }
  }

  private void openStartFormOnce(String name) {
    browser.get(base() + "/camunda/app/tasklist/default/");
    WebDriverWait wait = tasklist.waiting();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//a[contains(normalize-space(.), 'Start process')"
                        + " or contains(normalize-space(.), '启动流程')]")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(normalize-space(.), '" + name + "')]")))
        .click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".modal-body .fjs-form, .modal-body .injected-form-wrapper form")));
  }

  /** Camunda Forms fill their fields after they show: waits until the form holds still. */
  private void awaitFilled() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(3));
    String[] last = {""};
    try {
      wait.pollingEvery(Duration.ofMillis(300))
          .until(
              ignored -> {
                String now = tasklist.formText();
                boolean still = now.equals(last[0]) && !now.isBlank();
                last[0] = now;
                return still;
              });
    } catch (org.openqa.selenium.TimeoutException moving) {
      // read it as it is
    }
  }

  private void read(String where, ReaderTokens tokens, Map<String, List<String>> problems) {
    String text = tasklist.formText() + "\n" + optionLabels();
    note(problems, where, tokens.in(text));
    note(problems, where, overflowing());
  }

  private static void note(Map<String, List<String>> problems, String where, List<String> found) {
    if (!found.isEmpty()) {
      problems.computeIfAbsent(where, ignored -> new ArrayList<>()).addAll(found);
    }
  }

  /** The labels of the options of the open form's selects (an embedded form's are in its page). */
  private String optionLabels() {
    StringBuilder labels = new StringBuilder();
    for (WebElement option : openForm().findElements(By.cssSelector("select option"))) {
      labels.append(option.getDomProperty("textContent")).append('\n');
    }
    return labels.toString();
  }

  /**
   * The labels of every option of every Camunda Form the application ships: a Camunda Form lists
   * its options only while a select is open, so they are read where they are written.
   */
  private static String optionLabelsOfTheForms() {
    StringBuilder labels = new StringBuilder();
    try {
      for (Resource form :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:processes/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          for (JsonNode label : new ObjectMapper().readTree(in).findValues("values")) {
            label.forEach(option -> labels.append(option.path("label").asText()).append('\n'));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return labels.toString();
  }

  private WebElement openForm() {
    return browser.findElement(By.cssSelector(".fjs-form, .injected-form-wrapper form"));
  }

  /**
   * The text boxes of the open form (fields, labels, cells, paragraphs, anything holding text
   * alone) whose text is wider than they are. A box that scrolls on purpose is left out, and so is
   * form-js's own layout, whose rows reach a few pixels into the gutter by design.
   */
  @SuppressWarnings("unchecked")
  private List<String> overflowing() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const found = [];"
                    + "for (const node of arguments[0].querySelectorAll('*')) {"
                    + "  if (node.closest('svg, canvas')) continue;"
                    + "  const style = getComputedStyle(node);"
                    + "  if (['inline', 'none', 'contents'].includes(style.display)) continue;"
                    + "  if (['auto', 'scroll'].includes(style.overflowX)) continue;"
                    + "  const textBox = node.children.length === 0"
                    + "    || ['INPUT', 'TEXTAREA', 'SELECT', 'LABEL', 'TD', 'TH', 'BUTTON', 'P']"
                    + "      .includes(node.tagName);"
                    + "  if (!textBox) continue;"
                    + "  if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1)"
                    + "    found.push(node);"
                    + "}"
                    + "const innermost = found.filter(n => !found.some(o => o !== n && n.contains(o)));"
                    + "return innermost.map(n => 'text wider than its box: <'"
                    + "  + n.tagName.toLowerCase() + (n.id ? '#' + n.id : '')"
                    + "  + (n.className && typeof n.className === 'string' ? '.' + n.className : '')"
                    + "  + '> ' + n.scrollWidth + ' > ' + n.clientWidth + ' px: '"
                    + "  + (n.innerText || n.value || '').slice(0, 60));",
                openForm());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
