package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencollab.support.OpportunityDriver.keyAccount;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.CollaborationApplication;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stops for 10 s, and then for 60 s, under a running application. Requests during the
 * outage get 503 with a message within the pool's 5 s, never a 500 and never a hang; once the
 * database is back the application works again by itself, and a timer that fell due during the
 * outage fires.
 */
class DatabaseOutageIT {

  private EmbeddedPostgres postgres;
  private ConfigurableApplicationContext application;

  @AfterEach
  void stop() throws IOException {
    if (application != null) {
      application.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void requestsDuringAnOutageGet503AndTheApplicationRecoversByItself() throws Exception {
    Path data = Files.createTempDirectory("collab-outage");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    postgres = startPostgres(data, port);
    application = startApplication(postgres.getJdbcUrl("postgres", "postgres"));
    ProcessEngine engine = application.getBean(ProcessEngine.class);
    RestClient rest =
        new RestClient(
            "http://localhost:"
                + ((WebServerApplicationContext) application).getWebServer().getPort());
    OpportunityDriver driver = new OpportunityDriver(engine);

    for (int seconds : new int[] {10, 60}) {
      String id = OpportunityDriver.newOpportunityId();
      driver.start(keyAccount(id));
      driver.qualify(id);
      driver.formWorkedExampleTeam(id);
      driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
      driver.signAll(id);
      Job overdue =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(driver.task(id, "DesignSolution").getProcessInstanceId())
              .timers()
              .activityId("Timer_TechResponseOverdue")
              .singleResult();
      engine
          .getManagementService()
          .setJobDuedate(overdue.getId(), Date.from(Instant.now().plusSeconds(3)));

      postgres.close();
      Outage outage = during(rest, Duration.ofSeconds(seconds));
      postgres = startPostgres(data, port);
      Instant back = Instant.now();
      HttpResponse<String> first = awaitAnswer(rest);
      Duration recovery = Duration.between(back, Instant.now());

      System.out.printf(
          "%d s outage: %d requests, statuses %s, slowest %d ms; first answer %d after %d ms%n",
          seconds,
          outage.requests,
          outage.statuses,
          outage.slowest.toMillis(),
          first.statusCode(),
          recovery.toMillis());
      assertThat(outage.statuses.keySet()).as("%s", outage.others).containsOnly(503);
      assertThat(outage.bodies).allMatch(body -> body.contains("The database is unavailable"));
      assertThat(outage.slowest).isLessThan(Duration.ofSeconds(10));
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(recovery).isLessThan(Duration.ofSeconds(15));
      await("the timer due during the outage")
          .atMost(Duration.ofSeconds(30))
          .until(() -> !driver.tasks(id, "FollowUpOverdueWork").isEmpty());
      assertThat(driver.tasks(id, "FollowUpOverdueWork"))
          .as("the timer due during the outage fired after it")
          .hasSize(1);
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }
  }

  /** Two clients ask without pause, as alice reading her tasks and as erin starting work. */
  private static Outage during(RestClient rest, Duration length) throws InterruptedException {
    Outage outage = new Outage();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    for (String user : List.of("alice", "erin")) {
      clients.submit(
          () -> {
            while (running.get()) {
              Instant sent = Instant.now();
              HttpResponse<String> answer =
                  rest.get("/engine-rest/engine/outage/task?assignee=" + user, user);
              outage.record(answer, Duration.between(sent, Instant.now()));
            }
          });
    }
    Thread.sleep(length.toMillis());
    running.set(false);
    clients.shutdown();
    clients.awaitTermination(30, TimeUnit.SECONDS);
    return outage;
  }

  private static HttpResponse<String> awaitAnswer(RestClient rest) {
    return await("an answer other than 503")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> rest.get("/engine-rest/engine/outage/task?assignee=alice", "alice"),
            answer -> answer.statusCode() != 503);
  }

  static final class Outage {
    int requests;
    Duration slowest = Duration.ZERO;
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final List<String> bodies = new ArrayList<>();
    final List<String> others = new ArrayList<>();

    synchronized void record(HttpResponse<String> answer, Duration took) {
      requests++;
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      if (answer.statusCode() != 503) {
        others.add(answer.statusCode() + " " + answer.body());
      }
      if (bodies.size() < 50) {
        bodies.add(answer.body());
      }
      if (took.compareTo(slowest) > 0) {
        slowest = took;
      }
    }
  }

  private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static ConfigurableApplicationContext startApplication(String url) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "postgres");
    properties.put("server.port", 0);
    properties.put("camunda.bpm.process-engine-name", "outage");
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CollaborationApplication.class)
        .profiles("demo")
        .run(arguments);
  }
}
