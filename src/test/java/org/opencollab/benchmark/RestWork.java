package org.opencollab.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencollab.support.RestClient;
import org.opencollab.support.RestOpportunityDriver;

/**
 * Clients that work whole process instances over REST, one instance at a time each, as people do:
 * find the instance's next task (as an administrator, on both sides), complete it as a user who may
 * (the assignee, or a member of its candidate group, never an administrator), and start the next
 * instance when one ends. Only the complete calls are timed; throughput counts completed tasks.
 */
final class RestWork {

  enum Kind {
    /** Whole DELIVERED opportunities of the product, the worked example of docs/money.md. */
    OPPORTUNITY,
    /** The bare engine's 10-task process. */
    BARE
  }

  /** Who works a group task of the product, by candidate group. */
  private static final Map<String, String> MEMBER =
      Map.of(
          "sales", "alice",
          "tech", "bob",
          "delivery", "carol",
          "marketing", "dave",
          "coordinators", "erin",
          "committee", "frank");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final RestClient rest;
  private final String engine;
  private final Kind kind;

  RestWork(RestClient rest, String engine, Kind kind) {
    this.rest = rest;
    this.engine = engine;
    this.kind = kind;
  }

  record Figures(int tasks, int failures, double seconds, List<Long> latencies) {

    double tasksPerSecond() {
      return tasks / seconds;
    }

    double p95() {
      return percentile(95);
    }

    double percentile(int percent) {
      if (latencies.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percent / 100.0 * latencies.size()) - 1;
      return latencies.get(Math.max(index, 0)) / 1e6;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,d tasks in %.0f s = %.1f tasks/s; complete p50 %.0f ms, p95 %.0f ms, p99 %.0f ms;"
              + " failed calls %d",
          tasks,
          seconds,
          tasksPerSecond(),
          percentile(50),
          percentile(95),
          percentile(99),
          failures);
    }
  }

  /** {@code clients} clients work for {@code duration}; the figures of that time. */
  Figures run(int clients, Duration duration) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      running.add(
          pool.submit(
              () -> {
                work(end, latencies, failures);
                return null;
              }));
    }
    for (Future<?> client : running) {
      client.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Figures(sorted.size(), failures.get(), seconds, sorted);
  }

  private void work(long end, ConcurrentLinkedQueue<Long> latencies, AtomicInteger failures)
      throws InterruptedException {
    String instance = null;
    while (System.nanoTime() < end) {
      if (instance == null) {
        instance = start();
        continue;
      }
      JsonNode tasks =
          read(
              rest.get(
                  engine + "/task?processInstanceId=" + instance + "&maxResults=1", observer()));
      if (tasks.isEmpty()) {
        HttpResponse<String> running =
            rest.get(engine + "/process-instance/" + instance, observer());
        if (running.statusCode() == 404) {
          instance = null;
        } else {
          Thread.sleep(10); // a job of the process is due: the job executor runs it
        }
        continue;
      }
      JsonNode task = tasks.get(0);
      String taskId = task.path("id").asText();
      String user = task.path("assignee").isNull() ? null : task.path("assignee").asText();
      String group = null;
      if (user == null) {
        for (JsonNode link :
            read(rest.get(engine + "/task/" + taskId + "/identity-links", observer()))) {
          if ("candidate".equals(link.path("type").asText()) && !link.path("groupId").isNull()) {
            group = link.path("groupId").asText();
          }
        }
        user = kind == Kind.BARE ? BareEngine.WORKER : MEMBER.get(group);
      }
      String body = body(task.path("taskDefinitionKey").asText(), user, group);
      long sent = System.nanoTime();
      HttpResponse<String> completed =
          rest.postJson(engine + "/task/" + taskId + "/complete", user, body);
      long took = System.nanoTime() - sent;
      if (completed.statusCode() == 204) {
        if (System.nanoTime() < end) {
          latencies.add(took);
        }
      } else {
        failures.incrementAndGet();
        Thread.sleep(10);
      }
    }
  }

  private String start() {
    if (kind == Kind.BARE) {
      HttpResponse<String> started =
          rest.postJson(
              engine + "/process-definition/key/" + BareEngine.PROCESS + "/start",
              BareEngine.WORKER,
              "{}");
      return read(started).path("id").asText();
    }
    String id =
        "OPP-BENCH-" + System.currentTimeMillis() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
    return new RestOpportunityDriver(rest, engine).start(id);
  }

  private String body(String taskKey, String user, String group) {
    if (kind == Kind.BARE) {
      return "{}";
    }
    try {
      return JSON.writeValueAsString(
          Map.of("variables", RestOpportunityDriver.entered(taskKey, user, group, true)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String observer() {
    return kind == Kind.BARE ? BareEngine.OBSERVER : "olivia";
  }

  private static JsonNode read(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
