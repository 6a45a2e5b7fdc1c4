package org.opencollab.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollab.support.EmbeddedPostgresDatabase;

/**
 * How many Tasklist users one node serves: {@code ./mvnw verify -Pbenchmark
 * -Dit.test=CapacityBenchmark}. Virtual users ({@link TasklistLoad}) work opportunities through
 * Tasklist's API and, one in {@code benchmark.capacity-rest-every}, through {@code /engine-rest},
 * thinking between their actions; their number grows in steps ({@code benchmark.capacity-steps})
 * until the p95 of a step's calls passes {@code benchmark.capacity-p95-ms}. The capacity is the
 * last step whose p95 stayed at or under it. A command that prints figures, not a test that passes
 * or fails on them; it fails only when it cannot measure.
 *
 * <p>Three setups, each application in a JVM of its own ({@link ChildApplication}), so that the
 * load's JVM is not the server's: the default run (demo profile, H2), the same on PostgreSQL, and
 * two nodes on one PostgreSQL database with the users split evenly between them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityBenchmark {

  private static final List<Integer> STEPS =
      Arrays.stream(
              System.getProperty("benchmark.capacity-steps", "50,100,150,200,300,400").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();
  private static final Duration WINDOW =
      Duration.ofSeconds(Long.getLong("benchmark.capacity-window-seconds", 30));
  private static final Duration SETTLE =
      Duration.ofSeconds(Long.getLong("benchmark.capacity-settle-seconds", 5));
  private static final Duration THINK =
      Duration.ofMillis(Long.getLong("benchmark.capacity-think-ms", 5000));
  private static final double P95_LIMIT_MS = Long.getLong("benchmark.capacity-p95-ms", 500);
  private static final int REST_EVERY = Integer.getInteger("benchmark.capacity-rest-every", 5);
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final Duration START = Duration.ofMinutes(3);

  private static final String DATABASE = "capacity_" + System.currentTimeMillis();

  /** One setup's outcome: its capacity and the figures of the step that set it (or null). */
  private record Capacity(String setup, int nodes, TasklistLoad.Figures last, int firstStep) {

    int users() {
      return last == null ? 0 : last.users();
    }
  }

  private final List<Capacity> capacities = new ArrayList<>();

  @Test
  @Order(1)
  void defaultRun() throws Exception {
    try (ChildApplication app = ChildApplication.product(Map.of())) {
      app.awaitTasklist(START);
      capacities.add(ramp("default run (H2)", List.of(app)));
    }
  }

  @Test
  @Order(2)
  void onPostgres() throws Exception {
    try (ChildApplication app =
        ChildApplication.product(
            EmbeddedPostgresDatabase.datasourceProperties("one_node_" + DATABASE))) {
      app.awaitTasklist(START);
      capacities.add(ramp("PostgreSQL", List.of(app)));
    }
  }

  @Test
  @Order(3)
  void twoNodesOnOneDatabase() throws Exception {
    Map<String, String> database =
        EmbeddedPostgresDatabase.datasourceProperties("two_nodes_" + DATABASE);
    Map<String, String> second = new HashMap<>(database);
    second.put("collab.demo.seed", "false");
    try (ChildApplication first = ChildApplication.product(database)) {
      first.awaitTasklist(START);
      try (ChildApplication other = ChildApplication.product(second)) {
        other.awaitTasklist(START);
        capacities.add(ramp("two nodes, PostgreSQL", List.of(first, other)));
      }
    }
  }

  /** Grows the users on {@code apps} step by step until the p95 passes the limit. */
  private Capacity ramp(String setup, List<ChildApplication> apps) throws Exception {
    List<TasklistLoad.Node> nodes = new ArrayList<>();
    for (ChildApplication app : apps) {
      nodes.add(TasklistLoad.node(app.port));
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Capacity, %s: %d node(s), %d cores; think %.1f s on average; every %d. user through"
                + " REST; %d s settling and %d s counted per step; limit p95 %.0f ms",
            setup,
            apps.size(),
            CORES,
            THINK.toMillis() / 1000.0,
            REST_EVERY,
            SETTLE.toSeconds(),
            WINDOW.toSeconds(),
            P95_LIMIT_MS));
    lines.add(
        String.format(
            Locale.ROOT,
            "  %6s %6s %9s %9s %8s %8s %8s %8s",
            "users",
            "REST",
            "calls/s",
            "tasks/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "failed"));
    System.out.println(String.join("\n", lines));
    TasklistLoad.Figures last = null;
    String problem;
    long delivered;
    try (TasklistLoad load = new TasklistLoad(nodes, THINK, REST_EVERY)) {
      for (int users : STEPS) {
        TasklistLoad.Figures step = load.measure(users, SETTLE, WINDOW);
        boolean within = step.p95() <= P95_LIMIT_MS;
        System.out.println(
            String.format(
                Locale.ROOT,
                "  %6d %6d %9.1f %9.2f %8s %8s %8s %8d   %s",
                users,
                step.restUsers(),
                step.callsPerSecond(),
                step.tasksPerSecond(),
                millis(step.percentile(50)),
                millis(step.p95()),
                millis(step.percentile(99)),
                step.failed(),
                within ? "within" : "PASSED the limit"));
        if (!within) {
          break;
        }
        last = step;
      }
      problem = load.firstProblem();
      delivered = load.delivered();
    }
    Capacity capacity = new Capacity(setup, apps.size(), last, STEPS.get(0));
    System.out.println(
        "  capacity: "
            + describe(capacity)
            + "; opportunities delivered in the run: "
            + delivered
            + (problem == null ? "" : "\n  first failure outside a call: " + problem));
    return capacity;
  }

  private static String describe(Capacity capacity) {
    if (capacity.last() == null) {
      return "below " + capacity.firstStep() + " users, the first step";
    }
    return String.format(
        Locale.ROOT,
        "%d users, %.0f per node, %.1f per core",
        capacity.users(),
        (double) capacity.users() / capacity.nodes(),
        (double) capacity.users() / CORES);
  }

  private static String millis(double value) {
    return Double.isInfinite(value) ? "failed" : String.format(Locale.ROOT, "%.0f", value);
  }

  @AfterAll
  void summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Capacity: Tasklist users served with p95 at most %.0f ms (think %.1f s, %d cores)",
            P95_LIMIT_MS,
            THINK.toMillis() / 1000.0,
            CORES));
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-24s %5s %6s %9s %9s %9s %8s",
            "setup",
            "nodes",
            "users",
            "per node",
            "per core",
            "tasks/s",
            "p95 ms"));
    for (Capacity capacity : capacities) {
      TasklistLoad.Figures last = capacity.last();
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-24s %5d %6s %9.0f %9.1f %9s %8s",
              capacity.setup(),
              capacity.nodes(),
              last == null ? "<" + capacity.firstStep() : String.valueOf(capacity.users()),
              (double) capacity.users() / capacity.nodes(),
              (double) capacity.users() / CORES,
              last == null ? "-" : String.format(Locale.ROOT, "%.2f", last.tasksPerSecond()),
              last == null ? "-" : millis(last.p95())));
    }
    System.out.println(String.join("\n", lines));
  }
}
