package org.opencollab.health;

import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.smallDeal;
import static org.opencollab.support.OpportunityDriver.variables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.support.OpportunityDriver;

/**
 * A history with known answers, driven through the engine with its clock set (docs/
 * collaboration-health.md, "A worked example"). Every step takes one hour, except DELIVERY, which
 * takes 72 hours to sign each agreement and report each input of A, B and C.
 *
 * <ul>
 *   <li>O: a small deal disqualified in December 2025, before the period.
 *   <li>A: the worked example of docs/money.md, delivered in one sprint; the tech response timer
 *       fires once.
 *   <li>B: the same with a new product (press release first), delivered in three sprints, the first
 *       two AT_RISK.
 *   <li>C: the same team, lost in negotiation; the loss is shared.
 *   <li>D: a small deal disqualified.
 *   <li>E: still running, its agreement signed in four hours; SALES raises three disputes against
 *       TECH over it, two settled by mediation after 24 and 48 hours, one still open.
 * </ul>
 */
final class KnownHistory {

  static final Instant CHECK = Instant.parse("2026-06-01T06:00:00Z");
  static final String SHARES = "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}";

  private final ProcessEngine engine;
  private final OpportunityDriver driver;
  private final String prefix;
  private Instant now;

  KnownHistory(ProcessEngine engine, String prefix) {
    this.engine = engine;
    this.driver = new OpportunityDriver(engine);
    this.prefix = prefix;
  }

  String id(String name) {
    return prefix + "-" + name;
  }

  void build() {
    at("2025-12-01T08:00:00Z");
    driver.start(smallDeal(id("O")));
    disqualify(id("O"));

    at("2026-04-01T08:00:00Z");
    String a = id("A");
    driver.start(keyAccount(a));
    throughAgreement(a, false, 72);
    driver.fireTimer(a, "Timer_TechResponseOverdue");
    win(a);
    deliver(a, "ON_TRACK");
    settleDelivered(a);

    at("2026-04-10T08:00:00Z");
    String b = id("B");
    Map<String, Object> newProduct = keyAccount(b);
    newProduct.put("newProduct", true);
    driver.start(newProduct);
    throughAgreement(b, true, 72);
    win(b);
    deliver(b, "AT_RISK", "AT_RISK", "ON_TRACK");
    settleDelivered(b);

    at("2026-04-20T08:00:00Z");
    String c = id("C");
    driver.start(keyAccount(c));
    throughAgreement(c, false, 72);
    later(1);
    driver.designAndOffer(c);
    later(1);
    driver.negotiate(c, "LOST");
    reportInputs(c);
    driver.evaluateWorkedExampleTeam(c); // the team is rated on a loss too
    later(1);
    driver.complete(c, "RecordLoss", "lossAmount", 50_000L, "lossNotes", "Pre-sales effort");
    driver.runJobs(c);
    later(1);
    driver.complete(c, "HoldRetrospective", "lessonsLearned", "Qualify the budget earlier");

    at("2026-04-25T08:00:00Z");
    driver.start(smallDeal(id("D")));
    disqualify(id("D"));

    at("2026-05-01T08:00:00Z");
    String e = id("E");
    driver.start(keyAccount(e));
    throughAgreement(e, false, 1);
    at("2026-05-05T08:00:00Z");
    String first = raiseAgainstTech(e, "RESOURCE_ALLOCATION");
    String second = raiseAgainstTech(e, "DATA_ACCESS");
    raiseAgainstTech(e, "PRIORITY");
    later(24);
    mediate(e, first);
    later(24);
    mediate(e, second);
  }

  private void at(String instant) {
    now = Instant.parse(instant);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private void later(long hours) {
    now = now.plus(Duration.ofHours(hours));
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private void disqualify(String id) {
    later(1);
    driver.complete(
        id, "QualifyOpportunity", "qualified", false, "qualificationNotes", "No budget");
  }

  /**
   * Qualified, team formed (and a press release), agreement drafted; SALES and TECH sign after an
   * hour, DELIVERY after {@code deliveryHours}.
   */
  private void throughAgreement(String id, boolean pressRelease, int deliveryHours) {
    later(1);
    driver.qualify(id);
    later(1);
    driver.formWorkedExampleTeam(id);
    if (pressRelease) {
      later(1);
      driver.complete(id, "DraftPressRelease", "pressRelease", "Metro riders see trains live");
      driver.completePressRelease(id);
    }
    later(1);
    driver.draftAgreement(id, SHARES);
    later(1);
    signOrReport(id, "SignCollaborationAgreement", deliveryHours, "agreementApproved", true);
  }

  /** The department tasks with this key: SALES and TECH now, DELIVERY {@code hours} after. */
  private void signOrReport(String id, String taskKey, int deliveryHours, Object... values) {
    Task delivery = null;
    for (Task task : driver.tasks(id, taskKey)) {
      Object department = engine.getTaskService().getVariable(task.getId(), "department");
      if ("DELIVERY".equals(department)) {
        delivery = task;
      } else {
        driver.complete(task, values);
      }
    }
    later(deliveryHours - 1L);
    driver.complete(delivery, values);
  }

  private void win(String id) {
    later(1);
    driver.designAndOffer(id);
    later(1);
    driver.negotiate(id, "WON", "contractValue", 2_000_000L);
  }

  private void deliver(String id, String... statuses) {
    later(1);
    driver.complete(id, "PlanDelivery", "sprintCount", statuses.length);
    for (int sprint = 0; sprint < statuses.length; sprint++) {
      later(1);
      driver.complete(
          id, "ReviewSprint", "sprintStatus", statuses[sprint], "sprintNotes", "Sprint review");
    }
    later(1);
    driver.complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
  }

  private void reportInputs(String id) {
    later(1);
    Map<String, int[]> inputs =
        Map.of(
            "SALES", new int[] {120, 30_000},
            "TECH", new int[] {300, 90_000},
            "DELIVERY", new int[] {80, 20_000});
    Task delivery = null;
    for (Task task : driver.tasks(id, "ReportDepartmentInput")) {
      String department = (String) engine.getTaskService().getVariable(task.getId(), "department");
      int[] input = inputs.get(department);
      if ("DELIVERY".equals(department)) {
        delivery = task;
      } else {
        driver.complete(task, "inputHours", input[0], "inputCost", input[1]);
      }
    }
    later(71);
    driver.complete(delivery, "inputHours", 80, "inputCost", 20_000);
  }

  private void settleDelivered(String id) {
    reportInputs(id);
    later(1);
    driver.evaluateWorkedExampleTeam(id);
    driver.runJobs(id);
    later(1);
    driver.complete(id, "ApproveIncentives", "incentivesApproved", true);
  }

  private String raiseAgainstTech(String opportunityId, String type) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "collaborationArbitration",
            variables(
                "opportunityId",
                opportunityId,
                "disputeType",
                type,
                "raisedByDepartment",
                "SALES",
                "againstDepartment",
                "TECH",
                "description",
                "Tech holds back its architect",
                "amountAtStake",
                5_000L))
        .getId();
  }

  private void mediate(String opportunityId, String disputeId) {
    Task mediation =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(disputeId)
            .taskDefinitionKey("MediateDispute")
            .singleResult();
    driver.complete(
        mediation, "mediationResolved", true, "resolution", "Tech lends its architect a week");
    driver.runJobs(opportunityId);
  }
}
