package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dispute is raised by a member of the raising department, or a coordinator, for a department
 * involved.
 */
@ApplicationTest
class DisputeRaiserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private RestClient rest;
  private String id;

  @BeforeEach
  void setUp() {
    rest = new RestClient("http://localhost:" + port);
    OpportunityDriver driver = new OpportunityDriver(engine);
    id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
  }

  @Test
  void memberOfTheRaisingDepartmentRaisesIt() {
    assertThat(raise("carol", "DELIVERY").statusCode()).isEqualTo(200);
    assertThat(raise("erin", "TECH").statusCode()).isEqualTo(200);
  }

  @Test
  void someoneOutsideTheRaisingDepartmentIsRefused() {
    HttpResponse<String> response = raise("alice", "DELIVERY");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("raisedByDepartment: alice is not a member of delivery");
  }

  @Test
  void departmentNotInvolvedIsRefused() {
    HttpResponse<String> response = raise("dave", "MARKETING");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .contains("raisedByDepartment: MARKETING is not involved in opportunity " + id);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("collaborationArbitration")
                .processInstanceBusinessKey(id)
                .count())
        .isZero();
  }

  private HttpResponse<String> raise(String user, String department) {
    String against = department.equals("SALES") ? "TECH" : "SALES";
    return rest.postJson(
        "/engine-rest/process-definition/key/collaborationArbitration/start",
        user,
        """
        {"variables": {"opportunityId": {"value": "%s"}, "disputeType": {"value": "PRIORITY"},
          "raisedByDepartment": {"value": "%s"}, "againstDepartment": {"value": "%s"},
          "description": {"value": "Both want the same week"}}}"""
            .formatted(id, department, against));
  }
}
