package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.CollaborationApplication;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.opencollab.support.RestClient;
import org.opencollab.support.RestOpportunityDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database both come up: Liquibase
 * creates the schema under its lock, Camunda serialises the deployments, the seeding tolerates the
 * other node. An opportunity started on one node is then worked on the other. (Both nodes run in
 * this JVM with their own engines on the same database; Camunda's REST API finds engines in a
 * JVM-wide registry by name, so each node is addressed as {@code /engine-rest/engine/<node>}.)
 */
class TwoNodesIT {

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void twoNodesStartAtOnceOnAnEmptyDatabaseAndShareTheWork() throws Exception {
    Map<String, String> database =
        EmbeddedPostgresDatabase.datasourceProperties("two_nodes_" + System.currentTimeMillis());
    // Two Spring applications initialising logging at the same instant in one JVM race inside
    // Spring Boot ("Unable to find Spring Environment in logger context"); real nodes are separate
    // JVMs. The nodes keep the logging this JVM already has.
    String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    ExecutorService starters = Executors.newFixedThreadPool(2);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
    for (String node : List.of("nodeA", "nodeB")) {
      starting.add(
          starters.submit(
              () -> {
                gate.await();
                return start(database, node);
              }));
    }
    gate.countDown();
    try {
      for (Future<ConfigurableApplicationContext> node : starting) {
        nodes.add(node.get());
      }
    } finally {
      starters.shutdown();
      if (loggingSystem == null) {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
      } else {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
      }
    }
    assertThat(nodes).allMatch(ConfigurableApplicationContext::isRunning);

    ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("opportunityToDelivery")
                .count())
        .isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId("alice").count()).isEqualTo(1);

    ProcessEngine nodeA = engine;
    ProcessEngine nodeB = nodes.get(1).getBean(ProcessEngine.class);
    assertThat(nodeB).isNotSameAs(nodeA);
    String id = "OPP-TWO-" + System.currentTimeMillis();
    nodeA.getRuntimeService().startProcessInstanceByKey("opportunityToDelivery", keyAccount(id));
    String task =
        nodeB
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();
    nodeB.getTaskService().complete(task, Map.of("qualified", true));
    assertThat(
            nodeA
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("FormTeam")
                .count())
        .isEqualTo(1);

    twentyOpportunitiesWorkedThroughBothNodesAtOnceRunEveryJobOnce(nodeA, nodeB);
  }

  /**
   * Twenty opportunities at once, each step sent to one node or the other (start on one, team and
   * agreement on the other, and so on), over REST as the rightful users. Both job executors run.
   * Every opportunity ends, and every calculation ran once, on whichever node took it.
   */
  private void twentyOpportunitiesWorkedThroughBothNodesAtOnceRunEveryJobOnce(
      ProcessEngine nodeA, ProcessEngine nodeB) throws Exception {
    // Both nodes live in this JVM, where the REST API finds an engine by its name (Camunda
    // ignores a name with a hyphen); real nodes are separate JVMs, each with its default engine.
    RestOpportunityDriver[] drivers = {driver(0, "nodeA"), driver(1, "nodeB")};
    long stamp = System.currentTimeMillis();
    ExecutorService clients = Executors.newFixedThreadPool(10);
    List<Future<String>> worked = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      String id = "OPP-NODES-" + n + "-" + stamp;
      boolean won = n % 2 == 0;
      int first = n % 4 < 2 ? 0 : 1;
      worked.add(
          clients.submit(
              () -> {
                RestOpportunityDriver one = drivers[first];
                RestOpportunityDriver other = drivers[1 - first];
                String instance = one.start(id);
                other.toSolution(id);
                one.negotiate(id, won ? "WON" : "LOST");
                if (won) {
                  other.deliver(id);
                  one.reportInputs(id);
                  other.evaluatePeers(id);
                  one.awaitTask("grace", id, "ApproveIncentives", Duration.ofSeconds(120));
                  one.approveIncentives(id);
                } else {
                  other.reportInputs(id);
                  one.evaluatePeers(id); // the team is rated on a loss too
                  one.recordLoss(id);
                  other.awaitTask("erin", id, "HoldRetrospective", Duration.ofSeconds(120));
                  other.holdRetrospective(id);
                }
                return instance;
              }));
    }
    List<String> instances = new ArrayList<>();
    for (Future<String> opportunity : worked) {
      instances.add(opportunity.get(5, TimeUnit.MINUTES));
    }
    clients.shutdown();

    Map<String, Integer> runsByNode = new TreeMap<>();
    for (String instance : instances) {
      assertThat(
              nodeB
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(instance)
                  .singleResult()
                  .getState())
          .isEqualTo("COMPLETED");
      List<HistoricJobLog> runs =
          nodeA
              .getHistoryService()
              .createHistoricJobLogQuery()
              .processInstanceId(instance)
              .successLog()
              .list();
      assertThat(runs)
          .as("the calculation of %s ran once", instance)
          .singleElement()
          .satisfies(
              run -> assertThat(run.getActivityId()).isIn("CalculateIncentives", "AllocateLoss"));
      runs.forEach(run -> runsByNode.merge(run.getHostname(), 1, Integer::sum));
      assertThat(
              nodeA
                  .getHistoryService()
                  .createHistoricJobLogQuery()
                  .processInstanceId(instance)
                  .failureLog()
                  .count())
          .isZero();
      assertThat(
              nodeA
                  .getHistoryService()
                  .createHistoricDetailQuery()
                  .processInstanceId(instance)
                  .variableUpdates()
                  .list()
                  .stream()
                  .filter(
                      update ->
                          List.of("incentiveStatement", "lossStatement")
                              .contains(((HistoricVariableUpdate) update).getVariableName()))
                  .count())
          .as("the statement of %s was written once", instance)
          .isEqualTo(1);
    }
    System.out.printf(
        "20 opportunities on two nodes: jobs run once each, by node %s%n", runsByNode);
    assertThat(runsByNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    assertThat(nodeA.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  private RestOpportunityDriver driver(int node, String engine) {
    int port = ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
    return new RestOpportunityDriver(
        new RestClient("http://localhost:" + port), "/engine-rest/engine/" + engine);
  }

  private static ConfigurableApplicationContext start(Map<String, String> database, String node) {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("server.port", 0);
    properties.put("camunda.bpm.process-engine-name", node);
    // the historic job log names the node that ran each job
    properties.put("camunda.bpm.generic-properties.properties.hostname", node);
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CollaborationApplication.class)
        .profiles("demo")
        .run(arguments);
  }
}
