package org.opencollab.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.opencollab.health.HealthCheckVariables;
import org.opencollab.identity.Groups;
import org.opencollab.opportunity.OpportunityRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Work to see on day one (docs/operators.md, "Demo opportunities"): on a start of the demo run, ten
 * opportunities worked through the engine by the demo users themselves, each at another stage, so
 * that every demo user finds work in Tasklist and Cockpit shows real instances. Each has a fixed id
 * ({@code OPP-DEMO-01} ...) and is seeded only while no opportunity has that id, so a restart seeds
 * nothing. Never under {@code prod}; {@code collab.demo.seed: false} turns it off.
 */
@Component
@Profile("demo & !prod")
public class DemoOpportunities {

  private static final Logger LOG = LoggerFactory.getLogger(DemoOpportunities.class);
  static final String SHARES = "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}";
  static final String TEAM =
      "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"sam\", \"department\":"
          + " \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"}, {\"userId\": \"carol\","
          + " \"department\": \"DELIVERY\"}]";

  private final ProcessEngine engine;
  private final boolean enabled;

  public DemoOpportunities(
      ProcessEngine engine, @Value("${collab.demo.seed:true}") boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    if (!enabled) {
      return;
    }
    Map<String, Runnable> stages = new LinkedHashMap<>();
    stages.put("OPP-DEMO-01", () -> waitingForQualification("OPP-DEMO-01"));
    stages.put("OPP-DEMO-02", () -> inAgreementSignOff("OPP-DEMO-02"));
    stages.put("OPP-DEMO-03", () -> inNegotiationWithTech("OPP-DEMO-03"));
    stages.put("OPP-DEMO-04", () -> inDeliveryWithOneSprintDone("OPP-DEMO-04"));
    stages.put("OPP-DEMO-05", () -> delivered("OPP-DEMO-05"));
    stages.put("OPP-DEMO-06", () -> lostWithItsLossShared("OPP-DEMO-06"));
    stages.put("OPP-DEMO-07", () -> inCommitteeArbitration("OPP-DEMO-07"));
    stages.put("OPP-DEMO-08", () -> withAnOverdueDesign("OPP-DEMO-08"));
    stages.put("OPP-DEMO-09", () -> waitingForThePressRelease("OPP-DEMO-09"));
    stages.put("OPP-DEMO-10", () -> waitingForItsTeam("OPP-DEMO-10"));
    int seeded = 0;
    for (Map.Entry<String, Runnable> stage : stages.entrySet()) {
      if (OpportunityRecords.find(engine.getHistoryService(), stage.getKey()).isPresent()) {
        continue;
      }
      try {
        stage.getValue().run();
        seeded++;
      } catch (RuntimeException e) {
        LOG.warn("demo opportunity {} not seeded: {}", stage.getKey(), e.getMessage());
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
    if (seeded > 0) {
      LOG.info("Seeded {} demo opportunities (OPP-DEMO-01 to OPP-DEMO-10)", seeded);
    }
    firstHealthCheck();
  }

  /**
   * The first start runs one collaboration health check over the demo opportunities, so a newcomer
   * finds a report on the health page; the job executor assesses it in the background.
   */
  void firstHealthCheck() {
    if (engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(HealthCheckVariables.PROCESS_KEY)
            .count()
        > 0) {
      return;
    }
    try {
      engine.getIdentityService().setAuthentication("erin", List.of(Groups.COORDINATORS));
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              HealthCheckVariables.PROCESS_KEY,
              Map.of(HealthCheckVariables.PERIOD_DAYS, HealthCheckVariables.DEFAULT_PERIOD_DAYS));
      LOG.info("Started the first collaboration health check of the demo (the last 90 days)");
    } catch (RuntimeException e) {
      LOG.warn("the demo's first health check did not start: {}", e.getMessage());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private DemoDriver as() {
    return new DemoDriver(engine);
  }

  void waitingForQualification(String id) {
    as().start("alice", keyAccount(id, "Hangzhou Lianxin / 杭州联信", "Smart campus network"));
  }

  void waitingForItsTeam(String id) {
    DemoDriver demo = as();
    demo.start("dave", keyAccount(id, "Qingdao Brewery / 青岛啤酒", "Marketing data hub"));
    demo.qualify(id);
  }

  void inAgreementSignOff(String id) {
    DemoDriver demo = as();
    Map<String, Object> start = keyAccount(id, "Ningbo Port / 宁波港", "Container yard analytics");
    start.put("accountManager", "sam");
    demo.start("sam", start);
    demo.qualify("sam", id);
    demo.complete(
        "erin",
        id,
        "FormTeam",
        "solutionManager",
        "tina",
        "deliveryManager",
        "carol",
        "teamMembers",
        DemoDriver.json(
            "[{\"userId\": \"sam\", \"department\": \"SALES\"}, {\"userId\": \"tina\","
                + " \"department\": \"TECH\"}, {\"userId\": \"carol\", \"department\":"
                + " \"DELIVERY\"}, {\"userId\": \"otto\", \"department\": \"OPERATIONS\"}]"));
    demo.draftAgreement(id, "{\"SALES\": 40, \"TECH\": 30, \"DELIVERY\": 20, \"OPERATIONS\": 10}");
    demo.signOff("carol", id, "DELIVERY");
  }

  void inNegotiationWithTech(String id) {
    DemoDriver demo = throughAgreement(id, "Shanghai Metro / 上海地铁", "Passenger analytics");
    demo.designAndOffer(id);
  }

  void inDeliveryWithOneSprintDone(String id) {
    DemoDriver demo = throughAgreement(id, "Suzhou Water / 苏州水务", "Leak detection");
    demo.designAndOffer(id);
    demo.win(id);
    demo.complete("carol", id, "PlanDelivery", "sprintCount", 3);
    demo.complete(
        "carol",
        id,
        "ReviewSprint",
        "sprintStatus",
        "ON_TRACK",
        "sprintNotes",
        "Sensors installed");
  }

  void delivered(String id) {
    DemoDriver demo = throughAgreement(id, "Wuxi Grid / 无锡电网", "Outage forecasting");
    demo.designAndOffer(id);
    demo.win(id);
    demo.complete("carol", id, "PlanDelivery", "sprintCount", 1);
    demo.complete(
        "carol", id, "ReviewSprint", "sprintStatus", "ON_TRACK", "sprintNotes", "Live in March");
    demo.complete("alice", id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    demo.reportInputs(id);
    demo.evaluatePeers(id);
    demo.awaitTask(id, "ApproveIncentives");
    demo.complete("frank", id, "ApproveIncentives", "incentivesApproved", true);
  }

  void lostWithItsLossShared(String id) {
    DemoDriver demo = throughAgreement(id, "Nanjing Bank / 南京银行", "Branch footfall study");
    demo.designAndOffer(id);
    demo.complete(
        "bob", id, "SupportNegotiation", "technicalCommitments", "On-premises, 99.9 % uptime");
    demo.complete("alice", id, "NegotiateDeal", "negotiationOutcome", "LOST");
    demo.reportInputs(id);
    demo.complete(
        "erin", id, "RecordLoss", "lossAmount", 60_000L, "lossNotes", "Two months of pre-sales");
    demo.awaitTask(id, "HoldRetrospective");
    demo.complete(
        "erin", id, "HoldRetrospective", "lessonsLearned", "Involve the customer's IT earlier");
  }

  void inCommitteeArbitration(String id) {
    DemoDriver demo = throughAgreement(id, "Hefei Airport / 合肥机场", "Baggage tracking");
    demo.raiseDispute(
        "carol",
        Map.of(
            "opportunityId", id,
            "disputeType", "RESOURCE_ALLOCATION",
            "raisedByDepartment", "DELIVERY",
            "againstDepartment", "SALES",
            "description", "Sales promised a go-live date delivery cannot staff",
            "amountAtStake", 1_500_000L));
  }

  void withAnOverdueDesign(String id) {
    throughAgreement(id, "Xiamen Ferries / 厦门轮渡", "Ticketing platform");
    as().overdue(id, "DesignSolution", Duration.ofDays(3));
  }

  void waitingForThePressRelease(String id) {
    DemoDriver demo = as();
    Map<String, Object> start = keyAccount(id, "Shenzhen Lighthouse / 深圳灯塔", "AI ticket desk");
    start.put("customerTier", "STRATEGIC");
    start.put("estimatedValue", 8_000_000L);
    demo.start("alice", start);
    demo.qualify(id);
    demo.complete(
        "erin",
        id,
        "FormTeam",
        "solutionManager",
        "bob",
        "deliveryManager",
        "carol",
        "executiveSponsor",
        "frank",
        "teamMembers",
        DemoDriver.json(
            "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\","
                + " \"department\": \"TECH\"}, {\"userId\": \"carol\", \"department\":"
                + " \"DELIVERY\"}, {\"userId\": \"dave\", \"department\": \"MARKETING\"}]"));
  }

  /** Started by alice, qualified, the worked example's team, the agreement signed by all. */
  private DemoDriver throughAgreement(String id, String customer, String title) {
    DemoDriver demo = as();
    demo.start("alice", keyAccount(id, customer, title));
    demo.qualify(id);
    demo.complete(
        "erin",
        id,
        "FormTeam",
        "solutionManager",
        "bob",
        "deliveryManager",
        "carol",
        "teamMembers",
        DemoDriver.json(TEAM));
    demo.draftAgreement(id, SHARES);
    for (String[] signer :
        List.of(
            new String[] {"sam", "SALES"},
            new String[] {"bob", "TECH"},
            new String[] {"carol", "DELIVERY"})) {
      demo.signOff(signer[0], id, signer[1]);
    }
    return demo;
  }

  static Map<String, Object> keyAccount(String id, String customer, String title) {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("opportunityId", id);
    start.put("customerName", customer);
    start.put("title", title);
    start.put("customerTier", "KEY");
    start.put("estimatedValue", 2_000_000L);
    start.put("technicalComplexity", "MEDIUM");
    start.put("customizationRequired", false);
    start.put("newProduct", false);
    start.put("source", "SALES");
    start.put("accountManager", "alice");
    return start;
  }
}
