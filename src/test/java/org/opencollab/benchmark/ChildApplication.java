package org.opencollab.benchmark;

import static org.awaitility.Awaitility.await;

import baseline.BareCamunda;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.opencollab.CollaborationApplication;

/**
 * An application in a JVM of its own, started from this JVM's class path in a fresh working
 * directory, as {@code ./mvnw spring-boot:run} starts the product: for start-up times and for the
 * application's own resident memory. Either the product ({@link CollaborationApplication}, its
 * default run unless told otherwise) or bare Camunda with its webapps ({@link BareCamunda}, from
 * the library jars and that one class).
 */
final class ChildApplication implements AutoCloseable {

  private static final Pattern SPRING_SECURITY =
      Pattern.compile("[/\\\\]spring-(boot-starter-)?security-[^/\\\\]*\\.jar$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Process process;
  private final Path directory;
  private final long launched;
  private final long launchedAt;
  final int port;

  private ChildApplication(
      Process process, Path directory, long launched, long launchedAt, int port) {
    this.process = process;
    this.directory = directory;
    this.launched = launched;
    this.launchedAt = launchedAt;
    this.port = port;
  }

  /** The product; with no properties, its default run: demo profile, H2 in ./data. */
  static ChildApplication product(Map<String, String> properties) throws IOException {
    List<String> classpath =
        classpath().stream().filter(entry -> !entry.endsWith("test-classes")).toList();
    return launch(
        Files.createTempDirectory("product"),
        jvmArguments(),
        classpath,
        CollaborationApplication.class.getName(),
        properties);
  }

  /**
   * Camunda's Spring Boot starters with their defaults, as Camunda's own getting-started project
   * sets them: an administrator {@code demo}, the filter "All tasks", H2 in the working directory.
   * Without Spring Security, which that project does not have: on the class path, Spring Boot would
   * put all of Camunda behind a generated password, and Tasklist would answer 401.
   */
  static ChildApplication bareCamunda() throws IOException {
    Path directory = Files.createTempDirectory("bare-camunda");
    Path classes = directory.resolve("classes");
    String file = BareCamunda.class.getName().replace('.', '/') + ".class";
    Path target = classes.resolve(file);
    Files.createDirectories(target.getParent());
    try (var in = BareCamunda.class.getClassLoader().getResourceAsStream(file)) {
      Files.copy(in, target);
    }
    List<String> classpath = new ArrayList<>();
    classpath.add(classes.toString());
    classpath().stream()
        .filter(entry -> entry.endsWith(".jar") && !SPRING_SECURITY.matcher(entry).find())
        .forEach(classpath::add);
    return launch(
        directory,
        List.of(),
        classpath,
        BareCamunda.class.getName(),
        Map.of(
            "spring.datasource.url", "jdbc:h2:file:./camunda-h2-database",
            "spring.liquibase.enabled", "false",
            "camunda.bpm.admin-user.id", "demo",
            "camunda.bpm.admin-user.password", "demo",
            "camunda.bpm.filter.create", "All tasks"));
  }

  /**
   * The JVM settings the product runs with ({@code app.jvm-arguments} in {@code pom.xml}, which the
   * benchmark profile passes on); bare Camunda gets the JVM's defaults.
   */
  static List<String> jvmArguments() {
    String arguments = System.getProperty("app.jvm-arguments", "").trim();
    return arguments.isEmpty() ? List.of() : List.of(arguments.split("\\s+"));
  }

  private static List<String> classpath() {
    return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  private static ChildApplication launch(
      Path directory,
      List<String> jvmArguments,
      List<String> classpath,
      String mainClass,
      Map<String, String> properties)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArguments);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(mainClass);
    command.add("--server.port=" + port);
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    long launchedAt = System.currentTimeMillis();
    long launched = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("output.log").toFile())
            .start();
    return new ChildApplication(process, directory, launched, launchedAt, port);
  }

  /** Milliseconds from the launch of the JVM until Tasklist answers 200. */
  long awaitTasklist(Duration timeout) {
    HttpRequest tasklist =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> answers(tasklist));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("Tasklist did not answer within " + timeout + ": " + log());
    }
    return (System.nanoTime() - launched) / 1_000_000;
  }

  private boolean answers(HttpRequest request) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException("the application stopped: " + log());
    }
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false; // not listening yet
    }
  }

  /**
   * Where the start-up's time went, from the output so far.
   *
   * @param tasklist what {@link #awaitTasklist} returned
   */
  StartUpPhases startUpPhases(long tasklist) throws IOException {
    return StartUpPhases.read(
        Files.readAllLines(directory.resolve("output.log"), StandardCharsets.ISO_8859_1),
        launchedAt,
        tasklist);
  }

  /** Waits until the application has logged a line that matches. */
  void awaitLogLine(Pattern line, Duration timeout) {
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Files.readAllLines(directory.resolve("output.log"), StandardCharsets.ISO_8859_1)
                      .stream()
                      .anyMatch(logged -> line.matcher(logged).find()));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("no log line " + line + " within " + timeout + ": " + log());
    }
  }

  /** The most resident memory the application's JVM has held (Linux {@code VmHWM}), in MiB. */
  long peakRssMiB() throws IOException {
    return PerformanceBenchmark.peakRssMiB(
        Path.of("/proc", String.valueOf(process.pid()), "status"));
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("output.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
