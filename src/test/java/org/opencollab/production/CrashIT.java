package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.CollaborationApplication;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.RestOpportunityDriver;

/**
 * The application runs as its own process on PostgreSQL and is killed with SIGKILL: once while
 * idle, and once just after the incentive and loss calculations fell due. Each time it starts again
 * on the same database. Every instance, task and variable is still there, every opportunity then
 * completes, and each statement was computed and written once. A job the dead process had locked is
 * run once the lock time (1 minute) runs out.
 */
class CrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private Process node;

  @AfterEach
  void stopNode() throws InterruptedException {
    if (node != null && node.isAlive()) {
      node.destroy();
      node.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aKilledNodeLosesNothingAndComputesEachStatementOnce() throws Exception {
    Map<String, String> database =
        EmbeddedPostgresDatabase.datasourceProperties("crash_" + System.currentTimeMillis());
    int port = freePort();
    RestClient rest = new RestClient("http://localhost:" + port);
    RestOpportunityDriver driver = new RestOpportunityDriver(rest, "/engine-rest");
    node = start(database, port, 1);

    long stamp = System.currentTimeMillis();
    List<String> won = List.of("OPP-CRASH-W1-" + stamp, "OPP-CRASH-W2-" + stamp);
    List<String> lost = List.of("OPP-CRASH-L1-" + stamp, "OPP-CRASH-L2-" + stamp);
    Map<String, String> instances = new TreeMap<>();
    for (String id : won) {
      instances.put(id, driver.start(id));
      driver.toSolution(id);
      driver.negotiate(id, "WON");
      driver.deliver(id);
      driver.reportInputs(id);
    }
    for (String id : lost) {
      instances.put(id, driver.start(id));
      driver.toSolution(id);
      driver.negotiate(id, "LOST");
      driver.reportInputs(id);
      driver.evaluatePeers(id); // the team is rated on a loss too
    }

    Snapshot idle = Snapshot.of(rest);
    kill();
    // This run leaves its jobs to the next one: the calculations are surely due when it is killed.
    node = start(database, port, 2, "--camunda.bpm.job-execution.enabled=false");
    Snapshot afterIdleKill = Snapshot.of(rest);
    System.out.printf(
        "killed while idle: before %s, after restart %s%n", idle.counts(), afterIdleKill.counts());
    assertThat(afterIdleKill.counts()).isEqualTo(idle.counts());
    assertThat(afterIdleKill.variables).isEqualTo(idle.variables);
    assertThat(afterIdleKill.tasks).isEqualTo(idle.tasks);

    won.forEach(driver::evaluatePeers);
    lost.forEach(driver::recordLoss);
    Snapshot due = Snapshot.of(rest);
    Instant killed = Instant.now();
    kill();
    int locked = holdAsTheKilledNodeWould(database, instances.values(), killed);
    node = start(database, port, 3);
    Snapshot afterDueKill = Snapshot.of(rest);
    System.out.printf(
        "killed with the calculations due: before %s, after restart %s%n",
        due.counts(), afterDueKill.counts());
    assertThat(afterDueKill.instances).isEqualTo(due.instances);
    assertThat(afterDueKill.variables)
        .as("every variable is still there, with its value")
        .containsAllEntriesOf(due.variables);

    Map<String, Duration> ready = new TreeMap<>();
    await("the statements after the kill")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (String id : instances.keySet()) {
                boolean wonIt = won.contains(id);
                if (!ready.containsKey(id)
                    && driver.task(
                            wonIt ? "grace" : "erin",
                            id,
                            wonIt ? "ApproveIncentives" : "HoldRetrospective")
                        != null) {
                  ready.put(id, Duration.between(killed, Instant.now()));
                }
              }
              return ready.size() == instances.size();
            });
    System.out.printf(
        "%d due jobs held by the killed node; statements ready after the kill: %s%n",
        locked, ready);
    assertThat(locked).isEqualTo(4);
    assertThat(ready).hasSize(4);
    assertThat(ready.values())
        .as("the killed node's jobs run once its lock expires, about a minute after the kill")
        .allMatch(after -> after.toSeconds() >= 55 && after.toSeconds() < 120);

    won.forEach(driver::approveIncentives);
    lost.forEach(driver::holdRetrospective);
    for (Map.Entry<String, String> instance : instances.entrySet()) {
      JsonNode history =
          read(rest.get("/engine-rest/history/process-instance/" + instance.getValue(), "ivan"));
      assertThat(history.path("state").asText()).as(instance.getKey()).isEqualTo("COMPLETED");
      String statement = won.contains(instance.getKey()) ? "incentiveStatement" : "lossStatement";
      int writes = updates(rest, instance.getValue(), statement);
      System.out.printf("%s: %s written %d time(s)%n", instance.getKey(), statement, writes);
      assertThat(writes).as("%s of %s", statement, instance.getKey()).isEqualTo(1);
    }
    assertThat(read(rest.get("/engine-rest/incident/count", "olivia")).path("count").asLong())
        .isZero();
  }

  /**
   * A node that dies right after acquiring its jobs leaves them locked in its name until the lock
   * time (1 minute) runs out. The window between acquiring and running a job of this product is a
   * few milliseconds, too short to kill into reliably, so the jobs still due get the lock the
   * killed node would have left on them.
   */
  private static int holdAsTheKilledNodeWould(
      Map<String, String> database, java.util.Collection<String> instances, Instant killed)
      throws java.sql.SQLException {
    try (java.sql.Connection connection =
            java.sql.DriverManager.getConnection(
                database.get("spring.datasource.url"),
                database.get("spring.datasource.username"),
                database.get("spring.datasource.password"));
        java.sql.PreparedStatement lock =
            connection.prepareStatement(
                "UPDATE act_ru_job SET lock_owner_ = 'killed-node', lock_exp_time_ = ?"
                    + " WHERE process_instance_id_ = ? AND handler_type_ = 'async-continuation'")) {
      int locked = 0;
      for (String instance : instances) {
        lock.setTimestamp(1, java.sql.Timestamp.from(killed.plus(Duration.ofMinutes(1))));
        lock.setString(2, instance);
        locked += lock.executeUpdate();
      }
      return locked;
    }
  }

  /** How many times the history recorded a value of {@code name} in the instance. */
  private static int updates(RestClient rest, String instance, String name) {
    JsonNode details =
        read(
            rest.get(
                "/engine-rest/history/detail?variableUpdates=true&deserializeValues=false"
                    + "&processInstanceId="
                    + instance,
                "ivan"));
    int count = 0;
    for (JsonNode detail : details) {
      if (name.equals(detail.path("variableName").asText())) {
        count++;
      }
    }
    return count;
  }

  /** What the database holds, as an administrator reads it over REST. */
  record Snapshot(
      List<String> instances, Map<String, String> tasks, Map<String, String> variables) {

    static Snapshot of(RestClient rest) {
      List<String> instances = new ArrayList<>();
      read(rest.get("/engine-rest/process-instance?sortBy=instanceId&sortOrder=asc", "olivia"))
          .forEach(instance -> instances.add(instance.path("id").asText()));
      Map<String, String> tasks = new TreeMap<>();
      read(rest.get("/engine-rest/task?maxResults=10000", "olivia"))
          .forEach(
              task ->
                  tasks.put(
                      task.path("id").asText(),
                      task.path("taskDefinitionKey").asText()
                          + " "
                          + task.path("assignee").asText()));
      Map<String, String> variables = new TreeMap<>();
      read(rest.get(
              "/engine-rest/variable-instance?deserializeValues=false&maxResults=100000", "olivia"))
          .forEach(
              variable ->
                  variables.put(
                      variable.path("id").asText(),
                      variable.path("name").asText()
                          + "="
                          + variable.path("type").asText()
                          + ":"
                          + variable.path("value")));
      return new Snapshot(instances, tasks, variables);
    }

    String counts() {
      return instances.size()
          + " instances, "
          + tasks.size()
          + " tasks, "
          + variables.size()
          + " variables";
    }
  }

  private void kill() throws InterruptedException {
    node.destroyForcibly(); // SIGKILL
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Starts the application as its own process and waits until it is ready. */
  private static Process start(Map<String, String> database, int port, int run, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CollaborationApplication.class.getName());
    command.add("--spring.profiles.active=demo");
    command.add("--server.port=" + port);
    database.forEach((key, value) -> command.add("--" + key + "=" + value));
    command.addAll(List.of(arguments));
    File log = new File("target/crash-node-" + run + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log))
            .start();
    RestClient rest = new RestClient("http://localhost:" + port);
    try {
      await("node " + run + " ready; see " + log)
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions() // not listening yet
          .failFast("the node stopped; see " + log, () -> !process.isAlive())
          .until(() -> rest.get("/actuator/health/readiness", null).statusCode() == 200);
    } catch (RuntimeException notReady) {
      process.destroyForcibly();
      throw notReady;
    }
    return process;
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
    }
  }
}
