package org.opencollab.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollab.CollaborationApplication;
import org.opencollab.script.EngineSteps;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.HistoryRows;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product's speed against Camunda's own, measured in one run and printed with the targets of
 * docs/performance.md beside each figure: {@code ./mvnw verify -Pbenchmark
 * -Dit.test=PerformanceBenchmark}. A command that prints figures, not a test that passes or fails
 * on time; it fails only when it cannot measure.
 *
 * <p>Start-up: the product's default run and bare Camunda with its webapps ({@code
 * baseline.BareCamunda}), each in a JVM of its own on a fresh H2 database, until Tasklist answers
 * ({@link ChildApplication}).
 *
 * <p>REST: 8 clients, each authenticated as the rightful non-admin user of the step, work whole
 * DELIVERED opportunities through {@code /engine-rest} of the application in a JVM of its own,
 * whose peak resident memory is printed ({@link RestWork}); then the same clients work a bare
 * process of 10 user tasks on a second engine with Camunda's default settings, served by this JVM's
 * REST API behind the same authentication, with authorization on and a non-admin user in a group
 * ({@link BareEngine}). Both on PostgreSQL.
 *
 * <p>Lifecycle: whole DELIVERED opportunities through the Java API, and the bare process in the
 * same engine ({@link Lifecycle}); then on two nodes (a second application context on the same
 * database, one thread each), and again on one node with history grown to 10,000 finished
 * opportunities ({@link HistoryCopies}).
 *
 * <p>DMN: evaluations per second of {@code techParticipation} in-process through the {@code
 * DecisionService}, history off and on, in the product's configuration (full FEEL, feel-engine
 * pinned, each expression parsed once) and in Camunda's default one, which runs in a second JVM
 * with the FEEL engine {@code camunda-bom} brings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceBenchmark {

  private static final double SECONDS =
      Double.parseDouble(System.getProperty("benchmark.dmn-seconds", "5"));
  private static final Duration REST_RUN =
      Duration.ofSeconds(Long.getLong("benchmark.rest-seconds", 60));
  private static final Duration LIFECYCLE_RUN =
      Duration.ofSeconds(Long.getLong("benchmark.lifecycle-seconds", 20));
  private static final int STARTUP_ROUNDS = Integer.getInteger("benchmark.startup-rounds", 3);
  private static final int HISTORY = Integer.getInteger("benchmark.history", 10_000);
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final int CLIENTS = 8;

  private static final String DATABASE = "performance_" + System.currentTimeMillis();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.datasourceProperties(DATABASE)
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  /** The one-node lifecycle, which the scaling figures compare with. */
  private Lifecycle.Figures oneNode;

  @Test
  @Order(1)
  void startUpAgainstBareCamunda() throws Exception {
    List<Long> product = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    List<Long> productRss = new ArrayList<>();
    List<Long> bareRss = new ArrayList<>();
    List<StartUpPhases> productPhases = new ArrayList<>();
    List<StartUpPhases> barePhases = new ArrayList<>();
    for (int round = 0; round < STARTUP_ROUNDS; round++) {
      try (ChildApplication app = ChildApplication.product(Map.of())) {
        long tasklist = app.awaitTasklist(Duration.ofMinutes(3));
        product.add(tasklist);
        productRss.add(app.peakRssMiB());
        app.awaitLogLine(StartUpPhases.Milestone.DEMO.line, Duration.ofMinutes(3));
        productPhases.add(app.startUpPhases(tasklist));
      }
      try (ChildApplication app = ChildApplication.bareCamunda()) {
        long tasklist = app.awaitTasklist(Duration.ofMinutes(3));
        bare.add(tasklist);
        bareRss.add(app.peakRssMiB());
        barePhases.add(app.startUpPhases(tasklist));
      }
    }
    double ratio = (double) median(product) / median(bare);
    System.out.println(
        String.join(
            "\n",
            "Start-up to Tasklist answering, fresh H2 database, a JVM of its own, "
                + STARTUP_ROUNDS
                + " rounds alternating",
            String.format(
                Locale.ROOT,
                "  product, default run: median %,d ms (each %s), resident then %,d MiB",
                median(product),
                product,
                median(productRss)),
            String.format(
                Locale.ROOT,
                "  bare Camunda with webapps: median %,d ms (each %s), resident then %,d MiB",
                median(bare),
                bare,
                median(bareRss)),
            String.format(
                Locale.ROOT,
                "  %-34s %10.2f   target at most 1.00    %s",
                "start-up, product / bare",
                ratio,
                ratio <= 1.0 ? "met" : "MISSED"),
            StartUpPhases.table(productPhases, barePhases)));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  @Test
  @Order(2)
  void restThroughputAgainstABareEngine() throws Exception {
    ProcessEngine bare = BareEngine.start("bare_" + DATABASE);
    try (ChildApplication app =
        ChildApplication.product(
            EmbeddedPostgresDatabase.datasourceProperties("rest_" + DATABASE))) {
      app.awaitTasklist(Duration.ofMinutes(3));
      RestWork product =
          new RestWork(
              new RestClient("http://localhost:" + app.port),
              "/engine-rest",
              RestWork.Kind.OPPORTUNITY);
      RestWork plain =
          new RestWork(
              new RestClient("http://localhost:" + port),
              "/engine-rest/engine/" + bare.getName(),
              RestWork.Kind.BARE);
      product.run(CLIENTS, WARM_UP);
      plain.run(CLIENTS, WARM_UP);
      RestWork.Figures productFigures = product.run(CLIENTS, REST_RUN);
      RestWork.Figures bareFigures = plain.run(CLIENTS, REST_RUN);
      double throughput = productFigures.tasksPerSecond() / bareFigures.tasksPerSecond();
      double p95 = productFigures.p95() / bareFigures.p95();
      long rss = app.peakRssMiB();
      System.out.println(
          String.join(
              "\n",
              "REST, "
                  + CLIENTS
                  + " clients for "
                  + REST_RUN.toSeconds()
                  + " s each, as the rightful non-admin users (PostgreSQL)",
              "  product (whole opportunities): " + productFigures,
              "  bare Camunda (10 user tasks):  " + bareFigures,
              String.format(
                  Locale.ROOT,
                  "  %-34s %10.2f   target at least 1.00   %s",
                  "throughput, product / bare",
                  throughput,
                  throughput >= 1.0 ? "met" : "MISSED"),
              String.format(
                  Locale.ROOT,
                  "  %-34s %10.2f   target at most 1.00    %s",
                  "complete p95, product / bare",
                  p95,
                  p95 <= 1.0 ? "met" : "MISSED"),
              String.format(
                  Locale.ROOT,
                  "  %-34s %,10d   target at most 1,024   %s",
                  "peak RSS of the application, MiB",
                  rss,
                  rss <= 1024 ? "met" : "MISSED")));
    } finally {
      bare.close();
    }
  }

  /**
   * The history rows one DELIVERED opportunity of the worked example leaves, per table and per
   * task, on the benchmark's PostgreSQL database; the bare process's beside it.
   */
  @Test
  @Order(3)
  void historyRowsPerTask() throws Exception {
    String id = OpportunityDriver.newOpportunityId();
    EngineSteps steps =
        EngineSteps.unauthenticated(engine).waitingForTheJobExecutor(Duration.ofMinutes(1));
    String root =
        steps
            .start(WorkedOpportunity.ACCOUNT_MANAGER_USER, WorkedOpportunity.keyAccount(id))
            .getId();
    steps.play(id, WorkedOpportunity.delivered());
    Map<String, Integer> rows = HistoryRows.of(dataSource, root);
    long tasks = tasksOf(root);
    String bare = Lifecycle.oneBareInstance(engine);
    Map<String, Integer> bareRows = HistoryRows.of(dataSource, bare);
    double perTask = (double) HistoryRows.total(rows) / tasks;
    System.out.print(
        String.join(
            "\n",
            "History rows per task (PostgreSQL)",
            "  one DELIVERED opportunity of the worked example:",
            HistoryRows.table(rows, tasks)
                + "  one instance of the bare 10-task process, same engine:",
            HistoryRows.table(bareRows, tasksOf(bare))
                + String.format(
                    Locale.ROOT,
                    "  %-34s %10.1f   target at most 12.0    %s%n",
                    "history rows per task, product",
                    perTask,
                    perTask <= 12 ? "met" : "MISSED")));
  }

  private long tasksOf(String root) {
    return engine
        .getHistoryService()
        .createHistoricTaskInstanceQuery()
        .rootProcessInstanceId(root)
        .count();
  }

  @Test
  @Order(4)
  void lifecycleThroughTheJavaApi() {
    Lifecycle.Figures opportunities = Lifecycle.opportunities(engine, LIFECYCLE_RUN);
    Lifecycle.Figures bare = Lifecycle.bareProcess(engine, LIFECYCLE_RUN);
    oneNode = opportunities;
    double ratio = opportunities.tasksPerSecond() / bare.tasksPerSecond();
    System.out.println(
        String.join(
            "\n",
            "Lifecycle through the Java API, one thread, " + LIFECYCLE_RUN.toSeconds() + " s each",
            "  product, DELIVERED opportunities: " + opportunities,
            "  bare 10-task process, same engine: " + bare,
            String.format(
                Locale.ROOT,
                "  %-34s %10.2f   target at least 0.60   %s",
                "tasks/s, product / bare",
                ratio,
                ratio >= 0.6 ? "met" : "MISSED")));
  }

  @Test
  @Order(5)
  void lifecycleOnTwoNodesAndWithALargeHistory() throws Exception {
    if (oneNode == null) { // run on its own
      oneNode = Lifecycle.opportunities(engine, LIFECYCLE_RUN);
    }
    Map<String, String> database = EmbeddedPostgresDatabase.datasourceProperties(DATABASE);
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("server.port", "0");
    properties.put("camunda.bpm.process-engine-name", "node2");
    properties.put("collab.demo.seed", "false");
    Lifecycle.Figures twoNodes;
    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(CollaborationApplication.class)
            .profiles("demo")
            .properties(properties)
            .run()) {
      ProcessEngine node2 = second.getBean(ProcessEngine.class);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        Future<Lifecycle.Figures> first =
            threads.submit(() -> Lifecycle.opportunities(engine, LIFECYCLE_RUN));
        Future<Lifecycle.Figures> other =
            threads.submit(() -> Lifecycle.opportunities(node2, LIFECYCLE_RUN));
        twoNodes = Lifecycle.Figures.sum(first.get(), other.get());
      } finally {
        threads.shutdown();
      }
    }

    int before;
    int finished;
    long growing = System.nanoTime();
    // A connection of its own, without the application's 60-second statement timeout.
    try (Connection connection =
        DriverManager.getConnection(
            database.get("spring.datasource.url"),
            database.get("spring.datasource.username"),
            database.get("spring.datasource.password"))) {
      before = HistoryCopies.finished(connection);
      finished = HistoryCopies.growTo(connection, HISTORY);
    }
    double grown = (System.nanoTime() - growing) / 1e9;
    Lifecycle.Figures withHistory = Lifecycle.opportunities(engine, LIFECYCLE_RUN);
    double scale = twoNodes.tasksPerSecond() / oneNode.tasksPerSecond();
    double history = withHistory.tasksPerSecond() / oneNode.tasksPerSecond();
    System.out.println(
        String.join(
            "\n",
            "Scaling: the lifecycle on one PostgreSQL database, one thread per node, "
                + LIFECYCLE_RUN.toSeconds()
                + " s each",
            "  1 node (above):                   " + oneNode,
            "  2 nodes:                          " + twoNodes,
            String.format(
                Locale.ROOT, "  %-34s %10.2f   target -", "tasks/s, 2 nodes / 1 node", scale),
            String.format(
                Locale.ROOT,
                "  history grown from %,d to %,d finished opportunities in %.0f s",
                before,
                finished,
                grown),
            "  1 node, with that history:        " + withHistory,
            String.format(
                Locale.ROOT,
                "  %-34s %10.2f   target at least 0.80   %s",
                "tasks/s, large history / small",
                history,
                history >= 0.8 ? "met" : "MISSED")));
  }

  /** The most resident memory this JVM has held (Linux {@code VmHWM}), in MiB. */
  static long peakRssMiB() throws IOException {
    return peakRssMiB(Path.of("/proc/self/status"));
  }

  /** The same for the process whose {@code /proc/<pid>/status} this is. */
  static long peakRssMiB(Path status) throws IOException {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  @Test
  @Order(6)
  void dmnEvaluationsPerSecond() throws Exception {
    double productOff = DmnThroughput.measure("none", SECONDS, true);
    double productOn = DmnThroughput.measure("full", SECONDS, true);
    double defaultOff = inCamundasDefault("none");
    double defaultOn = inCamundasDefault("full");

    List<String> lines = new ArrayList<>();
    lines.add("DMN techParticipation, evaluations/s (in-process, DecisionService, in-memory H2)");
    lines.add(row("product, history off", productOff, "at least 20,000", productOff >= 20_000));
    lines.add(row("product, history FULL", productOn, "-", true));
    lines.add(row("Camunda default, history off", defaultOff, "-", true));
    lines.add(row("Camunda default, history FULL", defaultOn, "-", true));
    double ratio = productOn / defaultOn;
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-34s %10.2f   target at least 1.50   %s",
            "ratio with history FULL",
            ratio,
            ratio >= 1.5 ? "met" : "MISSED"));
    System.out.println(String.join("\n", lines));
  }

  private static String row(String what, double value, String target, boolean met) {
    return String.format(
        Locale.ROOT,
        "  %-34s %,10.0f   target %-16s %s",
        what,
        value,
        target,
        target.equals("-") ? "" : met ? "met" : "MISSED");
  }

  /** Runs {@link DmnThroughput} in a JVM on this classpath with the BOM's FEEL engine instead. */
  private static double inCamundasDefault(String history) throws Exception {
    Path bomFeel =
        Files.list(Path.of("target", "bom-feel-engine"))
            .filter(file -> file.getFileName().toString().startsWith("feel-engine-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("run with -Pbenchmark: target/bom-feel-engine"));
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> entry.contains("feel-engine-") ? bomFeel.toString() : entry)
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(classpath).contains(bomFeel.toString());
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                DmnThroughput.class.getName(),
                history,
                String.valueOf(SECONDS))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(jvm.getInputStream().readAllBytes()).trim();
    assertThat(jvm.waitFor()).as(output).isZero();
    String[] lines = output.split("\n");
    return Double.parseDouble(lines[lines.length - 1].trim());
  }
}
