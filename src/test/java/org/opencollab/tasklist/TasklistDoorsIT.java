package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.support.Chromium;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.Tasklist;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
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
 * Tasklist shows a person only what they may do, in Debian's Chromium: a task's candidate groups,
 * due date and follow-up date are offered to a coordinator, not to the account manager who works
 * it; a refusal's notice leaves the Complete button free; the sort header says how the filter
 * sorts, overdue work on top; a login during the wait after a wrong password says to wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class TasklistDoorsIT {

  private static final List<String> ASSIGNERS_ONLY =
      List.of("Add groups", "Set due date", "Set follow-up date");

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private Tasklist tasklist;
  private OpportunityDriver driver;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:tasklist-doors;DB_CLOSE_DELAY=-1");
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

  @BeforeEach
  void openTasklist() {
    browser.manage().window().setSize(new Dimension(1400, 1400));
    tasklist = new Tasklist(browser, port);
    driver = new OpportunityDriver(engine);
  }

  @Test
  void onlyThoseWhoMayAssignATaskSeeItsGroupAndDateControls() {
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    Task qualify = driver.task(id, "QualifyOpportunity");
    // Every step is due by its service level; without one, Tasklist offers "Set due date".
    qualify.setDueDate(null);
    engine.getTaskService().saveTask(qualify);

    tasklist.logIn("alice");
    openChecked(qualify);
    assertThat(visibleTexts("[cam-tasklist-task-meta]"))
        .as("what alice sees of her own task's groups and dates")
        .doesNotContainAnyElementsOf(ASSIGNERS_ONLY);
    assertThat(browser.findElement(By.cssSelector("[cam-tasklist-task-meta]")).getText())
        .contains("Alice");
    tasklist.screenshot("task-doors-alice");

    tasklist.logIn("erin");
    openChecked(qualify);
    assertThat(visibleTexts("[cam-tasklist-task-meta]")).containsAll(ASSIGNERS_ONLY);
    tasklist.screenshot("task-doors-erin");
  }

  /**
   * On a laptop's screen, with the Complete button scrolled to the bottom of the window as one does
   * to press it, the server's refusal appears and the button stays free to press again.
   */
  @Test
  void aRefusalsNoticeLeavesTheCompleteButtonFree() {
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    Task qualify = driver.task(id, "QualifyOpportunity");

    browser.manage().window().setSize(new Dimension(1280, 720));
    tasklist.logIn("alice");
    tasklist.openTask(qualify.getId(), false);
    tasklist.choose("Not qualified / 不合格");
    tasklist.type("qualificationNotes", "   ");
    WebElement complete =
        browser.findElement(By.xpath("//button[normalize-space(.) = 'Complete']"));
    aboveTheFooter(complete);
    complete.click();
    assertThat(tasklist.refusal()).contains("qualificationNotes");

    Rectangle button = complete.getRect();
    for (WebElement notice : browser.findElements(By.cssSelector(".page-notifications .alert"))) {
      if (notice.isDisplayed()) {
        assertThat(overlap(notice.getRect(), button))
            .as("notice %s over the Complete button %s", notice.getRect(), button)
            .isFalse();
      }
    }
    tasklist.screenshot("refusal-beside-complete");
    assertThat(engine.getTaskService().createTaskQuery().taskId(qualify.getId()).count())
        .isEqualTo(1);

    // The notice still shows: alice corrects the notes and presses the same button again.
    tasklist.type("qualificationNotes", "The customer froze the budget until next year.");
    aboveTheFooter(complete);
    complete.click();
    tasklist
        .waiting()
        .until(
            ignored ->
                engine.getTaskService().createTaskQuery().taskId(qualify.getId()).count() == 0);
  }

  /**
   * Scrolls the form until the button sits just above Tasklist's footer, where one scrolls a long
   * form's Complete button to press it.
   */
  private void aboveTheFooter(WebElement button) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "const button = arguments[0];"
                + "button.scrollIntoView({block: 'end'});"
                + "const footer = document.querySelector('footer').getBoundingClientRect();"
                + "const gap = button.getBoundingClientRect().bottom - footer.top + 8;"
                + "let box = button.parentElement;"
                + "while (box && !(box.scrollHeight > box.clientHeight"
                + "    && getComputedStyle(box).overflowY !== 'visible')) {"
                + "  box = box.parentElement;"
                + "}"
                + "(box || document.scrollingElement).scrollBy(0, gap);",
            button);
  }

  /**
   * "Assigned to me" sorts by due date, earliest first, then by priority: an overdue task is on
   * top, above a task of a higher priority that has no due date, and the header says so.
   */
  @Test
  void theSortHeaderSaysHowTheFilterSortsAndOverdueWorkComesFirst() {
    String withoutDueDate = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.strategicAccount(withoutDueDate));
    Task noDue = driver.task(withoutDueDate, "QualifyOpportunity");
    // Every step is due by its service level: this one's due date was cleared, as an assigner may.
    noDue.setDueDate(null);
    noDue.setPriority(80);
    engine.getTaskService().saveTask(noDue);
    String overdue = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.smallDeal(overdue));
    Task late = driver.task(overdue, "QualifyOpportunity");
    late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
    late.setPriority(30);
    engine.getTaskService().saveTask(late);
    assertThat(driver.task(withoutDueDate, "QualifyOpportunity").getDueDate()).isNull();

    tasklist.logIn("alice");
    tasklist
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[cam-sorting-choices]"), "Due date"));
    List<String> sortedBy =
        browser.findElements(By.cssSelector("[cam-sorting-choices] .sort-by")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(sortedBy).containsExactly("Due date", "Priority");
    assertThat(
            browser
                .findElements(By.cssSelector("[cam-sorting-choices] .sort-direction"))
                .get(0)
                .getDomAttribute("class"))
        .as("due date, earliest first")
        .contains("glyphicon-menu-up");
    assertThat(sortedBy).as("the header, as the filter sorts").isEqualTo(filterSorting());

    String list =
        tasklist
            .waiting()
            .until(
                ignored -> {
                  String text = browser.findElement(By.cssSelector(".tasks-list")).getText();
                  return text.contains(overdue) && text.contains(withoutDueDate) ? text : null;
                });
    assertThat(list.indexOf(overdue))
        .as("the overdue task above the one without due date")
        .isLessThan(list.indexOf(withoutDueDate));
    tasklist.screenshot("sorted-overdue-first");
  }

  /**
   * A login during the wait after a wrong password says to wait and try again (heidi: no other test
   * logs in as her); a wrong password still says the credentials are wrong.
   */
  @Test
  void aLoginDuringTheWaitAfterAWrongPasswordSaysToWait() {
    tasklist.showLoginPage();
    // A login sent before the fresh page has its session's CSRF token does not take: wait for it.
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ignored -> browser.manage().getCookieNamed("XSRF-TOKEN") != null);
    } catch (org.openqa.selenium.TimeoutException noToken) {
      // the login below then tells
    }

    typeLogin("heidi", "not-her-password");
    String wrong = notice();
    assertThat(wrong).contains("Wrong credentials");

    dismiss();
    typeLogin("heidi", "demo");
    String throttled = notice();
    assertThat(throttled)
        .contains("wait a few seconds", "try again", "请等待几秒钟后重试")
        .doesNotContain("Wrong credentials");
    tasklist.screenshot("login-wait");
  }

  /** The labels Tasklist gives the sorting of the filter "Assigned to me", as the engine has it. */
  private List<String> filterSorting() {
    Map<String, String> labels =
        Map.of("DUE_DATE_", "Due date", "PRIORITY_", "Priority", "CREATE_TIME_", "Creation date");
    TaskQueryImpl query =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName("Assigned to me / 分配给我")
            .singleResult()
            .getQuery();
    return query.getOrderingProperties().stream()
        .map(property -> labels.get(property.getQueryProperty().getName()))
        .toList();
  }

  private void typeLogin(String user, String password) {
    WebElement name =
        tasklist
            .waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model='username']")));
    name.clear();
    name.sendKeys(user);
    WebElement secret = browser.findElement(By.cssSelector("input[ng-model='password']"));
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  private String notice() {
    return tasklist
        .waiting()
        .until(
            ignored ->
                browser.findElements(By.cssSelector(".page-notifications .alert")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .reduce((first, last) -> last)
                    .orElse(null));
  }

  private void dismiss() {
    tasklist.dismissNotifications();
    tasklist
        .waiting()
        .until(
            ignored ->
                browser.findElements(By.cssSelector(".page-notifications .alert")).stream()
                    .noneMatch(WebElement::isDisplayed));
  }

  /** Opens a task and waits until the product's script has the engine's answer for it. */
  private void openChecked(Task task) {
    browser.get(
        "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    tasklist
        .waiting()
        .until(
            ExpectedConditions.attributeToBe(
                By.tagName("body"), "data-collab-task-checked", task.getId()));
    tasklist
        .waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-tasklist-task-meta]")));
  }

  private List<String> visibleTexts(String within) {
    return browser.findElements(By.cssSelector(within + " a, " + within + " button")).stream()
        .filter(WebElement::isDisplayed)
        .map(element -> element.getText().trim())
        .filter(text -> !text.isEmpty())
        .toList();
  }

  private static boolean overlap(Rectangle one, Rectangle other) {
    return one.x < other.x + other.width
        && other.x < one.x + one.width
        && one.y < other.y + other.height
        && other.y < one.y + one.height;
  }
}
