package org.opencollab.benchmark;

import static org.opencollab.support.OpportunityDriver.smallDeal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How the collaboration health check and the ledger cope with a large history (docs/
 * collaboration-health.md): {@code benchmark.opportunities} (default 10,000) finished opportunities
 * on PostgreSQL, spread evenly over a year of the engine's clock; one in ten delivered in full (an
 * incentive statement in the ledger), one in ten lost with its loss shared (a loss statement), the
 * rest disqualified. Prints the health check's run time and peak heap for the last 90 days, once
 * half the history is there and again with all of it (the same amount of work in the period, twice
 * the history), and for 730 days (all of it); then the ledger's query times. A command that prints
 * figures, not a test that passes or fails on time: {@code ./mvnw verify -Pbenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class HealthCheckBenchmark {

  private static final int OPPORTUNITIES = Integer.getInteger("benchmark.opportunities", 10_000);
  private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties("health_benchmark_" + System.currentTimeMillis())
        .forEach((name, value) -> registry.add(name, () -> value));
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final AtomicInteger seeded = new AtomicInteger();
  private final AtomicLong clock = new AtomicLong(FIRST.toEpochMilli());

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void healthCheckAndLedgerOverALargeHistory() throws Exception {
    OpportunityDriver driver = new OpportunityDriver(engine);
    long step = YEAR.toMillis() / OPPORTUNITIES;
    long seeding = System.nanoTime();
    seed(driver, OPPORTUNITIES / 2, step);
    System.out.printf(
        "seeded %d finished opportunities over half a year in %d s%n",
        seeded.get(), Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
    Run half = check(90);
    seed(driver, OPPORTUNITIES, step);
    System.out.printf(
        "seeded %d finished opportunities over a year in %d s%n",
        seeded.get(), Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
    Run whole = check(90);
    Run everything = check(730);

    print("90 days, half the history", OPPORTUNITIES / 2, half);
    print("90 days, all the history", OPPORTUNITIES, whole);
    System.out.printf(
        "live heap, 90 days: %.1f MiB with half the history, %.1f MiB with all of it (target: no"
            + " growth with history)%n",
        half.liveMiB(), whole.liveMiB());
    print("730 days, every opportunity in the period", OPPORTUNITIES, everything);

    ClockUtil.reset();
    RestClient rest = new RestClient("http://localhost:" + port);
    for (String path :
        List.of(
            "/api/ledger/departments",
            "/api/ledger/people",
            "/api/ledger/departments?from=2025-04-01&to=2025-06-30")) {
      List<Long> millis = new ArrayList<>();
      for (int call = 0; call < 21; call++) {
        long sent = System.nanoTime();
        HttpResponse<String> answer = rest.get(path, "ivan");
        millis.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
        if (answer.statusCode() != 200) {
          throw new AssertionError(answer.statusCode() + " " + answer.body());
        }
      }
      millis.remove(0);
      Collections.sort(millis);
      System.out.printf(
          "ledger %s as ivan: median %d ms, slowest %d ms of 20 calls%n",
          path, millis.get(10), millis.get(19));
    }
  }

  private static void print(String what, int history, Run run) {
    System.out.printf(
        "health check, %s (%d opportunities of history): %.1f s (target <= 30 s); peak live heap"
            + " %.1f MiB above idle (%d full collections)%n",
        what, history, run.seconds(), run.liveMiB(), run.collections());
  }

  /** Seeds until {@code until} opportunities exist, the clock moving {@code step} ms each. */
  private void seed(OpportunityDriver driver, int until, long step) throws Exception {
    ExecutorService seeders = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int worker = 0; worker < 4; worker++) {
      work.add(
          seeders.submit(
              () -> {
                int n;
                while ((n = seeded.incrementAndGet()) <= until) {
                  ClockUtil.setCurrentTime(new Date(clock.addAndGet(step)));
                  String id = OpportunityDriver.newOpportunityId();
                  if (n % 10 == 0) {
                    deliver(driver, id);
                  } else if (n % 10 == 1) {
                    lose(driver, id);
                  } else {
                    driver.start(smallDeal(id));
                    driver.complete(
                        id,
                        "QualifyOpportunity",
                        "qualified",
                        false,
                        "qualificationNotes",
                        "No budget");
                  }
                }
                seeded.decrementAndGet();
                return null;
              }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    seeders.shutdown();
  }

  private static void deliver(OpportunityDriver driver, String id) {
    driver.deliverWorkedExampleUntilApproval(id);
    driver.runJobs(id);
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
  }

  private static void lose(OpportunityDriver driver, String id) {
    driver.loseWorkedExampleUntilAllocation(id);
    driver.runJobs(id);
    driver.complete(id, "HoldRetrospective", "lessonsLearned", "Qualify the budget earlier");
  }

  /**
   * @param liveMiB the most heap left after a full collection during the run, above the idle heap:
   *     what the check holds on to
   */
  private record Run(double seconds, double liveMiB, int collections) {}

  /**
   * One health check of {@code days} at the end of the seeded history, twice: once timed, once with
   * a full collection every 20 ms, whose largest heap left after a collection is what the check
   * holds on to.
   */
  private Run check(int days) throws Exception {
    ClockUtil.setCurrentTime(new Date(clock.get() + 60_000));
    long started = System.nanoTime();
    assess(days, true);
    double seconds = (System.nanoTime() - started) / 1e9;

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long idle = memory.getHeapMemoryUsage().getUsed();
    AtomicLong live = new AtomicLong(idle);
    AtomicInteger collections = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread collector =
        new Thread(
            () -> {
              while (running.get()) {
                System.gc();
                collections.incrementAndGet();
                live.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    collector.start();
    assess(days, false);
    running.set(false);
    collector.join();
    return new Run(seconds, mib(live.get() - idle), collections.get());
  }

  private void assess(int days, boolean print) {
    ProcessInstance check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("collaborationHealthCheck", Map.of("periodDays", days));
    Job assessment =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(check.getId())
            .singleResult();
    engine.getManagementService().executeJob(assessment.getId());
    if (print) {
      String report =
          engine.getRuntimeService().getVariable(check.getId(), "healthReport").toString();
      System.out.printf(
          "report of %d days: %d kB, %s%n",
          days, report.length() / 1024, report.replaceAll(".*\"overall\":(\\{[^}]*\\}).*", "$1"));
    }
    engine.getRuntimeService().deleteProcessInstance(check.getId(), "benchmark done");
  }

  private static double mib(long bytes) {
    return Math.max(0, bytes) / (1024.0 * 1024.0);
  }
}
