package org.opencollab.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health for anyone (load balancers); metrics for administrators only. (Spring Boot tests turn
 * metrics export off; {@code application-test.yaml} turns Prometheus back on, so this test shares
 * the other application tests' context, and its engine.)
 */
@ApplicationTest
class OperationsEndpointsTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  private RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
  }

  @Test
  void healthChecksArePublicAndSayUp() {
    for (String probe : new String[] {"", "/liveness", "/readiness"}) {
      HttpResponse<String> health = rest.get("/actuator/health" + probe, null);
      assertThat(health.statusCode()).as(probe + " " + health.body()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void metricsAreForAdministratorsOnly() {
    assertThat(rest.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(rest.get("/actuator/prometheus", "nobody:wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> auditor = rest.get("/actuator/prometheus", "ivan");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(rest.get("/actuator/info", "alice").statusCode()).isEqualTo(403);
  }

  @Test
  void prometheusShowsInstancesTasksIncidentsAndJobs() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    driver.qualify(id);

    HttpResponse<String> metrics = rest.get("/actuator/prometheus", "olivia");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("collab_instances_started\\{process=\"opportunityToDelivery\"} [1-9]")
        .contains("collab_instances_ended{process=\"collaborationArbitration\"}")
        .contains("collab_opportunities_ended{outcome=\"DELIVERED\"}")
        .containsPattern("collab_tasks_open\\{group=\"coordinators\"} [1-9]")
        .contains("collab_tasks_overdue ")
        .contains("collab_incidents ")
        .contains("collab_jobs_due ")
        .contains("collab_jobs_failing ")
        .contains("collab_jobs_failed ")
        .contains("jvm_memory_used_bytes");
  }
}
