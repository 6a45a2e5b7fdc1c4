package org.opencollab.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
 * The webapps speak the browser's language: Chinese to a browser that asks for Chinese first
 * ({@code zh-CN}), English to any other; a person switches in the user menu, and the choice holds
 * in Cockpit and Admin too. What is checked is the webapps' own words (menus, buttons, tabs), not
 * the product's: task names and form labels come from the models and forms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class WebappLanguageIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private WebDriver browser;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:webapp-language;DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aChineseBrowserGetsTasklistInChinese() {
    String signOff = salesSignOff();
    browser = Chromium.start("zh-CN");
    Tasklist tasklist = new Tasklist(browser, port);

    assertThat(loginButton("tasklist")).isEqualTo("登录");
    tasklist.logIn("alice", "启动流程");
    assertThat(userMenu()).contains("我的资料", "English", "中文", "退出登录");
    closeUserMenu();
    assertThat(searchPlaceholder()).isEqualTo("过滤任务");

    openAndClaim(signOff, "认领");
    waitForButton("完成");
    tasklist.screenshot("tasklist-zh");
    assertThat(taskTabs()).contains("表单", "历史", "流程图", "描述");
    assertThat(buttonsAndLinks()).doesNotContain("Start process", "Claim", "Complete", "History");

    assertThat(loginButton("cockpit")).isEqualTo("登录");
    assertThat(loginButton("admin")).isEqualTo("登录");
  }

  @Test
  void anyOtherBrowserGetsTasklistInEnglish() {
    String signOff = salesSignOff();
    browser = Chromium.start("en-US");
    Tasklist tasklist = new Tasklist(browser, port);

    assertThat(loginButton("tasklist")).isEqualTo("Log in");
    tasklist.logIn("alice");
    assertThat(userMenu()).contains("My profile", "English", "中文", "Log out");
    closeUserMenu();
    assertThat(searchPlaceholder()).isEqualTo("Filter Tasks");

    openAndClaim(signOff, "Claim");
    waitForButton("Complete");
    assertThat(taskTabs()).contains("Form", "History", "Diagram", "Description");
    assertThat(buttonsAndLinks()).doesNotContain("启动流程", "认领", "完成", "历史");
  }

  @Test
  void aPersonSwitchesLanguageInTheUserMenu() {
    browser = Chromium.start("zh-CN");
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logIn("alice", "启动流程");

    choose("English");
    waitForLink("Start process");
    assertThat(loginButton("cockpit")).as("the choice holds in Cockpit").isEqualTo("Log in");

    tasklist.logIn("alice");
    choose("中文");
    waitForLink("启动流程");
    assertThat(loginButton("admin")).as("and in Admin").isEqualTo("登录");
  }

  /** A sign-off of the sales department, which alice (sales) may claim. */
  private String salesSignOff() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey("SignCollaborationAgreement")
            .taskCandidateGroup("sales")
            .singleResult();
    return task.getId();
  }

  /** The text of the login button of a webapp's login page, once its strings are in. */
  private String loginButton(String app) {
    browser.get(base() + "/camunda/app/" + app + "/default/");
    browser.manage().deleteAllCookies();
    browser.get(base() + "/camunda/app/" + app + "/default/");
    WebElement button =
        wait(WAIT)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form button[type='submit']")));
    wait(WAIT).until(ignored -> !button.getText().isBlank());
    return button.getText().trim();
  }

  private String userMenu() {
    wait(WAIT)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".account .dropdown-toggle")))
        .click();
    return wait(WAIT)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".account .dropdown-menu")))
        .getText();
  }

  private void closeUserMenu() {
    browser.findElement(By.cssSelector(".account .dropdown-toggle")).click();
  }

  /** Chooses a language in the user menu: the page loads again in it. */
  private void choose(String language) {
    userMenu();
    wait(WAIT)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//li[contains(@class, 'collab-language')]/a[normalize-space(.) = '"
                        + language
                        + "']")))
        .click();
  }

  private String searchPlaceholder() {
    return wait(WAIT)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-widget-search] input")))
        .getDomAttribute("placeholder");
  }

  private void openAndClaim(String taskId, String claim) {
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    waitForButton(claim).click();
  }

  private WebElement waitForButton(String text) {
    WebElement button =
        wait(WAIT)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space(.) = '" + text + "']")));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    return button;
  }

  private void waitForLink(String text) {
    wait(WAIT)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//a[contains(normalize-space(.), '" + text + "')]")));
  }

  private List<String> taskTabs() {
    return browser.findElements(By.cssSelector(".task-details .nav-tabs li a")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  private List<String> buttonsAndLinks() {
    return browser.findElements(By.cssSelector("button, a")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  private WebDriverWait wait(Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
