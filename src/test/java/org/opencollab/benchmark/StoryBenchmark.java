package org.opencollab.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencollab.support.Chromium;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
 * How fast an auditor reads a story with a large history: {@code benchmark.opportunities} (default
 * 10,000) finished opportunities in PostgreSQL history, 20 of them delivered in full, the rest
 * disqualified. Prints the story API's p50 and p95 over 200 calls and the story page's load time in
 * Chromium, each with its target. A command that prints figures, not a test that passes or fails on
 * time: {@code ./mvnw verify -Pbenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class StoryBenchmark {

  private static final int OPPORTUNITIES = Integer.getInteger("benchmark.opportunities", 10_000);
  private static final int DELIVERED = 20;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("benchmark_" + System.currentTimeMillis())
        .forEach((name, value) -> registry.add(name, () -> value));
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void storyOfAnOpportunityAmongTenThousand() throws Exception {
    OpportunityDriver driver = new OpportunityDriver(engine);
    long seeding = System.nanoTime();
    List<String> delivered = new ArrayList<>();
    for (int n = 0; n < DELIVERED; n++) {
      delivered.add(deliver(driver));
    }
    AtomicInteger seeded = new AtomicInteger(DELIVERED);
    ExecutorService seeders = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int worker = 0; worker < 4; worker++) {
      work.add(
          seeders.submit(
              () -> {
                while (seeded.incrementAndGet() <= OPPORTUNITIES) {
                  String id = OpportunityDriver.newOpportunityId();
                  driver.start(OpportunityDriver.keyAccount(id));
                  driver.complete(
                      id,
                      "QualifyOpportunity",
                      "qualified",
                      false,
                      "qualificationNotes",
                      "No budget this year");
                }
                return null;
              }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    seeders.shutdown();
    long finished =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("opportunityToDelivery")
            .finished()
            .count();
    System.out.printf(
        "seeded %d finished opportunities (%d delivered) in %d s%n",
        finished, DELIVERED, Duration.ofNanos(System.nanoTime() - seeding).toSeconds());

    RestClient rest = new RestClient("http://localhost:" + port);
    for (String id : delivered) {
      rest.get("/api/opportunities/" + id + "/story", "ivan"); // warm-up
    }
    List<Long> millis = new ArrayList<>();
    int bytes = 0;
    for (int call = 0; call < 200; call++) {
      String id = delivered.get(call % delivered.size());
      long sent = System.nanoTime();
      HttpResponse<String> story = rest.get("/api/opportunities/" + id + "/story", "ivan");
      millis.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
      if (story.statusCode() != 200) {
        throw new AssertionError(story.statusCode() + " " + story.body());
      }
      bytes = story.body().length();
    }
    Collections.sort(millis);
    System.out.printf(
        "story API, 200 calls as ivan: p50 %d ms, p95 %d ms (target p95 <= 200 ms), %d kB each%n",
        millis.get(99), millis.get(189), bytes / 1024);

    List<Long> loads = new ArrayList<>();
    WebDriver browser = Chromium.start();
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("input[ng-model='username']")))
          .sendKeys("ivan");
      browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
      browser.findElement(By.cssSelector("button[type='submit']")).click();
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(
              By.xpath("//a[contains(normalize-space(.), 'Start process')]")));
      for (int load = 0; load < 6; load++) {
        long started = System.nanoTime();
        browser.get("http://localhost:" + port + "/opportunities/" + delivered.get(load));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        loads.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
      }
    } finally {
      browser.quit();
    }
    List<Long> warm = new ArrayList<>(loads.subList(1, loads.size()));
    Collections.sort(warm);
    System.out.printf(
        "story page until drawn, as ivan: first %d ms, then median %d ms of %d loads%n",
        loads.get(0), warm.get(warm.size() / 2), warm.size());
  }

  private static String deliver(OpportunityDriver driver) {
    String id = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(id);
    driver.runJobs(id);
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
    return id;
  }
}
