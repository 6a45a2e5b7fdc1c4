package org.opencollab.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver ({@code apt-get
 * install chromium chromium-driver}; {@code .ci/run} installs them). Nothing downloads a browser;
 * the page's console is kept for failure messages. The browser asks for American English unless
 * told otherwise, whatever the machine's locale, since the webapps speak the browser's language.
 */
public final class Chromium {

  private Chromium() {}

  public static WebDriver start() {
    return start("en-US");
  }

  /** A browser whose first language is {@code language}, such as {@code zh-CN}. */
  public static WebDriver start(String language) {
    ChromeOptions options = new ChromeOptions();
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    options.setBinary("/usr/bin/chromium");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,1400",
        "--lang=" + language);
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build(),
        options);
  }
}
