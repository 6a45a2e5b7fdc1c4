package org.opencollab.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.TimedWalk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast a process owner reads where time goes with a large history (docs/process-owners.md,
 * "Reading waiting times"): {@code benchmark.opportunities} (default 10,000) finished opportunities
 * on PostgreSQL, made from 100 worked over months of the engine's clock ({@link TimedWalk}: 10
 * delivered in full, 10 lost with their loss shared, 80 disqualified) and copied ({@link
 * HistoryCopies}). Prints the p50 and p95 of {@code GET
 * /api/processes/opportunityToDelivery/waiting-times} over the whole history, 100 calls after a
 * warm-up (target: p95 at most 1 s). A command that prints figures, not a test that passes or fails
 * on time: {@code ./mvnw verify -Pbenchmark -Dit.test=WaitingTimesBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class WaitingTimesBenchmark {

  private static final int OPPORTUNITIES = Integer.getInteger("benchmark.opportunities", 10_000);
  private static final String DATABASE = "waiting_benchmark_" + System.currentTimeMillis();
  private static final String PATH = "/api/processes/opportunityToDelivery/waiting-times";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties(DATABASE)
        .forEach((name, value) -> registry.add(name, () -> value));
    // The walks move the engine's clock: no job executor to fire timers meanwhile.
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void waitingTimesOverTenThousandOpportunities() throws Exception {
    long seeding = System.nanoTime();
    TimedWalk walk = new TimedWalk(engine, Instant.parse("2026-01-05T01:00:00Z"), 7);
    try {
      for (int n = 0; n < 100; n++) {
        if (n % 10 == 0) {
          walk.deliver();
        } else if (n % 10 == 5) {
          walk.lose();
        } else {
          walk.disqualify();
        }
        walk.pass(Duration.ofHours(20));
      }
    } finally {
      TimedWalk.reset();
    }
    System.out.printf(
        "worked 100 opportunities on the engine's clock in %d s%n",
        Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
    Map<String, String> database = EmbeddedPostgresDatabase.datasourceProperties(DATABASE);
    int finished;
    try (Connection connection =
        DriverManager.getConnection(
            database.get("spring.datasource.url"),
            database.get("spring.datasource.username"),
            database.get("spring.datasource.password"))) {
      finished = HistoryCopies.growTo(connection, OPPORTUNITIES);
    }

    RestClient rest = new RestClient("http://localhost:" + port);
    JsonNode answer = null;
    for (int call = 0; call < 3; call++) {
      answer = new ObjectMapper().readTree(get(rest).body()); // warm-up
    }
    List<Long> millis = new ArrayList<>();
    for (int call = 0; call < 100; call++) {
      long sent = System.nanoTime();
      get(rest);
      millis.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
    }
    Collections.sort(millis);
    long p95 = millis.get(94);
    System.out.printf(
        Locale.ROOT,
        "waiting times of opportunityToDelivery over %,d finished opportunities (%,d completed"
            + " tasks, %d steps), 100 calls as olivia: p50 %d ms, p95 %d ms, slowest %d ms"
            + " (target p95 <= 1000 ms: %s)%n",
        finished,
        answer.get("tasks").asInt(),
        answer.get("activities").size(),
        millis.get(49),
        p95,
        millis.get(99),
        p95 <= 1000 ? "met" : "MISSED");
  }

  private static HttpResponse<String> get(RestClient rest) {
    HttpResponse<String> answer = rest.get(PATH, "olivia");
    if (answer.statusCode() != 200) {
      throw new AssertionError(answer.statusCode() + " " + answer.body());
    }
    return answer;
  }
}
