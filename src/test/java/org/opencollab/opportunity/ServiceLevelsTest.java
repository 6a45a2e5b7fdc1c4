package org.opencollab.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;
import static org.opencollab.support.OpportunityDriver.smallDeal;
import static org.opencollab.support.OpportunityDriver.strategicAccount;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Priority that counts (DMN {@code serviceLevels}): priority A tasks sort first and fall due sooner
 * than priority B and C ones, and a dispute goes at its opportunity's pace.
 */
@ApplicationTest
class ServiceLevelsTest {

  private static final Instant NOW = Instant.parse("2021-06-01T08:00:00Z");

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void priorityATasksSortFirstAndPriorityCLast() {
    OpportunityDriver driver = new OpportunityDriver(engine);
    String a = newOpportunityId();
    String b = newOpportunityId();
    String c = newOpportunityId();
    driver.start(strategicAccount(a));
    driver.start(keyAccount(b));
    driver.start(smallDeal(c));

    assertThat(driver.task(a, "QualifyOpportunity").getPriority()).isEqualTo(80);
    assertThat(driver.task(a, "QualifyOpportunity").getName())
        .isEqualTo("Qualify opportunity / 商机资格审核 — " + a + " Shanghai Metro / 上海地铁");
    assertThat(driver.task(b, "QualifyOpportunity").getPriority()).isEqualTo(50);
    assertThat(driver.task(c, "QualifyOpportunity").getPriority()).isEqualTo(30);

    // alice's "Assigned to me" lists priority A first, C last.
    Filter assignedToMe =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName("Assigned to me / 分配给我")
            .singleResult();
    engine.getIdentityService().setAuthentication("alice", List.of("sales"));
    try {
      List<String> listed =
          engine.getFilterService().<Task>list(assignedToMe.getId()).stream()
              .map(Task::getName)
              .filter(name -> name.contains(a) || name.contains(b) || name.contains(c))
              .toList();
      assertThat(listed)
          .hasSize(3)
          .satisfiesExactly(
              first -> assertThat(first).contains(a),
              second -> assertThat(second).contains(b),
              third -> assertThat(third).contains(c));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Autowired ServiceLevels sla;

  /** Model versions deployed before DMN serviceLevels read ${sla.techResponse} and the like. */
  @Test
  void runningInstancesOfOlderModelsKeepTheStandardPace() {
    var commands =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    assertThat(commands.<String>execute(context -> sla.getTechResponse())).isEqualTo("P5D");
    assertThat(commands.<String>execute(context -> sla.getSprintLength())).isEqualTo("P14D");
    assertThat(commands.<String>execute(context -> sla.getCommitteeVote())).isEqualTo("P5D");
  }

  @Test
  void anOpportunityThatKeptLevelsWithoutAStepsColumnTakesTheLatestTablesValue() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = newOpportunityId();
    ProcessInstance opportunity = driver.start(keyAccount(id));
    driver.qualify(id);
    // The six columns an opportunity kept before every step had its own.
    engine
        .getRuntimeService()
        .setVariable(
            opportunity.getId(),
            "serviceLevels",
            SpinValues.jsonValue(
                    "{\"techResponse\": \"P5D\", \"committeeVote\": \"P5D\", \"mediation\":"
                        + " \"P3D\", \"sprintLength\": \"P14D\", \"sprintReviewGrace\":"
                        + " \"P2D\", \"taskPriority\": 50}")
                .create());

    driver.formWorkedExampleTeam(id);

    // Priority B's agreement draft: five days, from the latest table.
    assertThat(driver.task(id, "DraftCollaborationAgreement").getDueDate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(5))));
  }

  @Test
  void aKeyAccountsDesignIsDueInFiveDaysAndItsDisputeVotesInFive() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = newOpportunityId();
    driver.start(keyAccount(id));
    driver.qualify(id);
    driver.formWorkedExampleTeam(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    driver.signAll(id);

    Task design = driver.task(id, "DesignSolution");
    assertThat(design.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(5))));
    assertThat(design.getPriority()).isEqualTo(50);

    driver.raiseDispute(id, 2_000_000L);
    Task vote = driver.tasks(id, "ArbitrationVote").get(0);
    assertThat(vote.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(5))));
    assertThat(vote.getPriority()).isEqualTo(50);
  }

  @Test
  void aStrategicDealsSprintReviewFallsDueAfterTheSprintAndOneDayOfGrace() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    OpportunityDriver driver = new OpportunityDriver(engine);
    String id = newOpportunityId();
    driver.start(strategicAccount(id));
    driver.qualify(id);
    driver.formTaskForce(id);
    driver.complete(id, "DraftPressRelease", "pressRelease", "Riders see trains", "faq", "None");
    driver.completePressRelease(id);
    driver.draftAgreement(id, "{\"SALES\": 50, \"TECH\": 30, \"DELIVERY\": 20}");
    driver.signAll(id);
    driver.complete(id, "ApproveBid", "bidApproved", true);

    assertThat(driver.task(id, "DesignSolution").getDueDate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));
    driver.designAndOffer(id);
    driver.negotiate(id, "WON", "contractValue", 8_000_000L);
    driver.complete(id, "PlanDelivery", "sprintCount", 2);
    Task review = driver.task(id, "ReviewSprint");
    assertThat(review.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(15))));
    assertThat(review.getPriority()).isEqualTo(80);
  }
}
