package org.opencollab.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.CollaborationApplication;
import org.opencollab.support.EmbeddedPostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database both come up: Liquibase
 * creates the schema under its lock, Camunda serialises the deployments, the seeding tolerates the
 * other node. An opportunity started on one node is then worked on the other. (Both nodes run in
 * this JVM with their own engines on the same database; Camunda's REST API finds engines in a
 * JVM-wide registry, so the nodes are driven through their engines' Java API.)
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
    for (String node : List.of("node-a", "node-b")) {
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
  }

  private static ConfigurableApplicationContext start(Map<String, String> database, String node) {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("server.port", 0);
    properties.put("camunda.bpm.process-engine-name", node);
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CollaborationApplication.class)
        .profiles("demo")
        .run(arguments);
  }
}
