package org.opencollab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo run's first start (docs/operators.md, "Demo opportunities"): ten opportunities at their
 * stages, worked by the demo users, so that every demo user who works tasks finds one; a second
 * seeding adds nothing. The engine has its own name, so it does not take the place of the default
 * engine that the REST API of a web test context serves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"camunda.bpm.process-engine-name=demoSeedTests", "collab.demo.seed=true"})
@ActiveProfiles({"demo", "test"})
class DemoOpportunitiesTest {

  @Autowired ProcessEngine engine;
  @Autowired DemoOpportunities demo;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyStageIsThereAndEveryWorkerHasWork() {
    assertThat(opportunities()).hasSize(10);

    assertThat(openTasks("OPP-DEMO-01")).containsExactly("QualifyOpportunity");
    assertThat(openTasks("OPP-DEMO-02"))
        .containsExactlyInAnyOrder(
            "SignCollaborationAgreement",
            "SignCollaborationAgreement",
            "SignCollaborationAgreement");
    assertThat(openTasks("OPP-DEMO-03"))
        .containsExactlyInAnyOrder("NegotiateDeal", "SupportNegotiation");
    // Its first sprint review recorded customer feedback: tech answers it.
    assertThat(openTasks("OPP-DEMO-04"))
        .containsExactlyInAnyOrder("ReviewSprint", "AnswerCustomerFeedback");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey("OPP-DEMO-04")
                .taskDefinitionKey("AnswerCustomerFeedback")
                .taskCandidateUser("tina")
                .count())
        .isEqualTo(1);
    assertThat(ended("OPP-DEMO-05")).isEqualTo("DELIVERED");
    assertThat(ended("OPP-DEMO-06")).isEqualTo("LOST");
    assertThat(
            jdbc.queryForList(
                "SELECT KIND_ FROM COLLAB_LEDGER_ENTRY WHERE OPPORTUNITY_ID_ LIKE 'OPP-DEMO-%'"
                    + " ORDER BY KIND_",
                String.class))
        .containsExactly("INCENTIVE", "LOSS");
    assertThat(openTasks("OPP-DEMO-07"))
        .containsExactlyInAnyOrder(
            "DesignSolution",
            "PrepareOffer",
            "ArbitrationVote",
            "ArbitrationVote",
            "ArbitrationVote");
    Task design =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey("OPP-DEMO-08")
            .taskDefinitionKey("DesignSolution")
            .singleResult();
    assertThat(design.getDueDate()).isBefore(new Date());
    assertThat(openTasks("OPP-DEMO-09")).containsExactly("DraftPressRelease");
    assertThat(openTasks("OPP-DEMO-10")).containsExactly("FormTeam");

    // The job executor fires the overdue design's timer at once: a coordinator follows up.
    Job overdue =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(design.getProcessInstanceId())
            .timers()
            .activityId("Timer_TechResponseOverdue")
            .singleResult();
    assertThat(overdue.getDuedate()).isBefore(new Date());

    for (String worker :
        List.of(
            "alice", "sam", "bob", "tina", "carol", "dave", "otto", "erin", "frank", "grace",
            "heidi")) {
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .or()
                  .taskAssignee(worker)
                  .taskCandidateUser(worker)
                  .endOr()
                  .count())
          .as("tasks %s finds in Tasklist", worker)
          .isPositive();
    }

    // The first start also runs one health check, so the health page has a report to show.
    assertThat(healthChecks()).isEqualTo(1);

    demo.seed();
    assertThat(opportunities()).hasSize(10);
    assertThat(healthChecks()).isEqualTo(1);
  }

  private long healthChecks() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("collaborationHealthCheck")
        .count();
  }

  private List<HistoricProcessInstance> opportunities() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("opportunityToDelivery")
        .list();
  }

  private List<String> openTasks(String id) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).list().stream()
        .map(Task::getTaskDefinitionKey)
        .toList();
  }

  private String ended(String id) {
    HistoricProcessInstance opportunity =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .processDefinitionKey("opportunityToDelivery")
            .singleResult();
    assertThat(opportunity.getEndTime()).as(id + " ended").isNotNull();
    return (String)
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(opportunity.getId())
            .variableName("finalOutcome")
            .singleResult()
            .getValue();
  }
}
