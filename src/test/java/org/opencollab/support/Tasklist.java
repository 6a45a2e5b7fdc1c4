package org.opencollab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in the browser, as a person works it: signs in, opens a task and claims it,
 * fills the fields of a Camunda Form (by the field's key) or of an embedded form (by the input's
 * id), completes, and takes screenshots under {@code target/screenshots}.
 */
public final class Tasklist {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final By USERNAME = By.cssSelector("input[ng-model='username']");

  /** What Tasklist shows while a Camunda Form or an embedded form is open. */
  private static final By FORM = By.cssSelector(".fjs-form, .injected-form-wrapper form");

  private final WebDriver browser;
  private final String base;
  private final WebDriverWait wait;

  public Tasklist(WebDriver browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port;
    this.wait = new WebDriverWait(browser, WAIT);
    // Tasklist re-renders as it loads: an element read inside a wait may be replaced meanwhile.
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /**
   * Signs in to Tasklist as {@code user}, after signing out whoever was signed in; a login that
   * does not take is sent again on a freshly loaded page, three times at most.
   */
  public void logIn(String user) {
    logIn(user, "Start process");
  }

  /**
   * Signs in as {@code user} in a browser of another language: signed in once Tasklist shows its
   * "Start process" link in that language, {@code startProcess}.
   */
  public void logIn(String user, String startProcess) {
    for (int attempt = 1; ; attempt++) {
      showLoginPage();
      if (typeLogin(
          user,
          ExpectedConditions.visibilityOfElementLocated(
              By.xpath("//a[contains(normalize-space(.), '" + startProcess + "')]")),
          attempt)) {
        return;
      }
    }
  }

  /**
   * Signs out whoever was signed in and shows Tasklist's login page. A page that does not show its
   * login form in time (a cold server, or a navigation that overtook the load) is loaded again,
   * three times at most; the last failure tells what the browser shows instead.
   */
  public void showLoginPage() {
    for (int attempt = 1; ; attempt++) {
      browser.get(base + "/camunda/app/tasklist/default/");
      browser.manage().deleteAllCookies();
      browser.get(base + "/camunda/app/tasklist/default/");
      try {
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .ignoring(StaleElementReferenceException.class)
            .until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
        return;
      } catch (TimeoutException noLoginForm) {
        if (attempt == 3) {
          screenshot("no-login-page");
          throw new AssertionError(
              "Tasklist shows no login form after 3 loads, at "
                  + browser.getCurrentUrl()
                  + ": "
                  + browser.findElement(By.tagName("body")).getText(),
              noLoginForm);
        }
      }
    }
  }

  /**
   * Signs in as {@code user} on the Tasklist login page the browser shows, and waits until {@code
   * signedIn} holds. A fresh page's first requests each open a session of their own, so the session
   * and the CSRF token a first login sends may not match, and the login does not take (Tasklist
   * stays on its login page); the page is then loaded again, which keeps one session, and the login
   * sent again, three times at most.
   */
  public void logInHere(String user, ExpectedCondition<?> signedIn) {
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        browser.navigate().refresh();
        // the login may have taken after all: the page then shows no login form
        Object state =
            wait.until(
                driver -> {
                  Object done = signedIn.apply(driver);
                  if (done != null && !Boolean.FALSE.equals(done)) {
                    return "signed in";
                  }
                  return driver.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed)
                      ? "login"
                      : null;
                });
        if ("signed in".equals(state)) {
          return;
        }
      }
      if (typeLogin(user, signedIn, attempt)) {
        return;
      }
    }
  }

  /** Types the login; true once {@code signedIn} holds, false to try again. */
  private boolean typeLogin(String user, ExpectedCondition<?> signedIn, int attempt) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ignored -> browser.manage().getCookieNamed("XSRF-TOKEN") != null);
    } catch (TimeoutException noTokenYet) {
      // the login below then tells
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME)).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(signedIn);
      return true;
    } catch (TimeoutException notSignedIn) {
      if (attempt < 3) {
        return false;
      }
      screenshot("not-signed-in-" + user);
      throw new AssertionError(
          user
              + " is not signed in to Tasklist after 3 attempts, at "
              + browser.getCurrentUrl()
              + ": "
              + browser.findElement(By.tagName("body")).getText()
              + " / browser log: "
              + browser.manage().logs().get("browser").getAll(),
          notSignedIn);
    }
  }

  /** Opens the start form of the process definition named {@code name} in the start dialog. */
  public WebElement openStartForm(String name) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(normalize-space(.), 'Start process')]")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(normalize-space(.), '" + name + "')]")))
        .click();
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".modal-body .fjs-form, .modal-body .injected-form-wrapper form")));
  }

  /**
   * Opens a task and waits for its form; a group task that nobody has claimed yet ({@code claim})
   * is claimed first.
   */
  public WebElement openTask(String taskId, boolean claim) {
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    if (claim) {
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//button[contains(normalize-space(.), 'Claim')]")))
          .click();
      wait.until(
          ExpectedConditions.invisibilityOfElementLocated(
              By.xpath("//button[contains(normalize-space(.), 'Claim')]")));
    }
    return wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
  }

  /** The text of the open form (Camunda Form or embedded), with what its read-only fields hold. */
  public String formText() {
    WebElement form = browser.findElement(FORM);
    StringBuilder text = new StringBuilder(form.getText());
    for (WebElement input : form.findElements(By.cssSelector("input[disabled], input[readonly]"))) {
      text.append('\n').append(input.getDomProperty("value"));
    }
    return text.toString();
  }

  /** Types into the text, number or text-area field of a Camunda Form with this key. */
  public void type(String key, String text) {
    WebElement field =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='-Field_" + key + "']")));
    centre(field);
    field.clear();
    field.sendKeys(text);
  }

  /** Picks an option of the select field of a Camunda Form with this key, by its label. */
  public void select(String key, String option) {
    WebElement display =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id$='-Field_" + key + "-display']")));
    centre(display);
    display.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.) = '"
                        + option
                        + "']")))
        .click();
  }

  /** Chooses an option of a radio field of a Camunda Form, by its label. */
  public void choose(String option) {
    WebElement label =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class, 'fjs-form-field-radio')]//label[normalize-space(.) = '"
                        + option
                        + "']")));
    centre(label);
    label.click();
  }

  /** Types into the input or text area of an embedded form with this id. */
  public void typeEmbedded(String id, String text) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    centre(field);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Picks an option of a select of an embedded form: the first whose visible text ends with {@code
   * option} ("(bob)" picks "Bob Solution manager (bob)"), once the form has loaded it.
   */
  public void selectEmbedded(String id, String option) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    centre(field);
    String text =
        wait.until(
            ignored ->
                field.findElements(By.tagName("option")).stream()
                    .map(WebElement::getText)
                    .filter(candidate -> candidate.trim().endsWith(option))
                    .findFirst()
                    .orElse(null));
    new Select(field).selectByVisibleText(text);
  }

  /**
   * Waits until Tasklist has taken down a form after its completion, so that the next task's form
   * is not mistaken for it; a form that stays up longer than 10 s is left to the next wait.
   */
  public void awaitClosed(WebElement form) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.stalenessOf(form));
    } catch (TimeoutException stillShown) {
      // the next step waits for its own form
    }
  }

  /** Presses the button with this text (Complete, Start), brought to the middle of the window. */
  public void press(String button) {
    WebElement element =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.) = '" + button + "']")));
    centre(element);
    element.click();
  }

  /** The error notification Tasklist shows after a refused submission. */
  public String refusal() {
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".notifications .alert-danger, .notification.alert-danger")))
        .getText();
  }

  /** Closes every notification Tasklist shows. */
  public void dismissNotifications() {
    for (WebElement close : browser.findElements(By.cssSelector(".notifications .close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
  }

  public void screenshot(String name) {
    try {
      Path file = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Tasklist's footer may cover the lower part of the form: bring the element to the middle.
  private void centre(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }
}
