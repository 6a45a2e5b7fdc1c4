package org.opencollab.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.health.HealthCheckVariables;
import org.opencollab.identity.Groups;
import org.opencollab.opportunity.CustomerFeedback;
import org.opencollab.opportunity.OpportunityRecords;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.script.WorkedOpportunity.Input;
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
  private static final String ALICE = WorkedOpportunity.ACCOUNT_MANAGER_USER;

  /** What each department reports after a demo opportunity ends: the same for all. */
  private static final Map<String, Input> INPUTS =
      Map.of(
          "SALES", new Input(120, 30_000),
          "TECH", new Input(120, 30_000),
          "DELIVERY", new Input(120, 30_000));

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
    as().start(ALICE, keyAccount(id, "Hangzhou Lianxin / 杭州联信", "Smart campus network"));
  }

  void waitingForItsTeam(String id) {
    DemoDriver demo = as();
    demo.start("dave", keyAccount(id, "Qingdao Brewery / 青岛啤酒", "Marketing data hub"));
    demo.play(id, WorkedOpportunity.qualify());
  }

  void inAgreementSignOff(String id) {
    DemoDriver demo = as();
    Map<String, Object> start = keyAccount(id, "Ningbo Port / 宁波港", "Container yard analytics");
    start.put(OpportunityVariables.ACCOUNT_MANAGER, "sam");
    demo.start("sam", start);
    demo.play(
        id,
        WorkedOpportunity.qualify("sam"),
        WorkedOpportunity.formTeam(
            "tina",
            WorkedOpportunity.DELIVERY_MANAGER_USER,
            "[{\"userId\": \"sam\", \"department\": \"SALES\"}, {\"userId\": \"tina\","
                + " \"department\": \"TECH\"}, {\"userId\": \"carol\", \"department\":"
                + " \"DELIVERY\"}, {\"userId\": \"otto\", \"department\": \"OPERATIONS\"}]"),
        WorkedOpportunity.draftAgreement(
            "{\"SALES\": 40, \"TECH\": 30, \"DELIVERY\": 20, \"OPERATIONS\": 10}"),
        WorkedOpportunity.signOff("DELIVERY"));
  }

  void inNegotiationWithTech(String id) {
    DemoDriver demo = throughAgreement(id, "Shanghai Metro / 上海地铁", "Passenger analytics");
    demo.play(id, WorkedOpportunity.solutionAndOffer());
  }

  void inDeliveryWithOneSprintDone(String id) {
    DemoDriver demo = throughAgreement(id, "Suzhou Water / 苏州水务", "Leak detection");
    demo.play(id, WorkedOpportunity.solutionAndOffer());
    demo.play(id, WorkedOpportunity.negotiation("WON"));
    // The sprint review records what the customer said: an item of feedback waits for tech.
    demo.play(
        id,
        WorkedOpportunity.planDelivery(3),
        WorkedOpportunity.reviewSprint("Sensors installed")
            .with(
                CustomerFeedback.CUSTOMER_FEEDBACK,
                "The control room wants leak alerts on their phones too" + " / 调度室希望在手机上也收到漏损告警"));
  }

  void delivered(String id) {
    DemoDriver demo = throughAgreement(id, "Wuxi Grid / 无锡电网", "Outage forecasting");
    demo.play(id, WorkedOpportunity.solutionAndOffer());
    demo.play(id, WorkedOpportunity.negotiation("WON"));
    demo.play(
        id,
        WorkedOpportunity.planDelivery(1),
        WorkedOpportunity.reviewSprint("Live in March"),
        WorkedOpportunity.acceptDelivery());
    demo.play(id, WorkedOpportunity.reportInputs(INPUTS));
    demo.play(id, WorkedOpportunity.evaluateTeam());
    demo.play(id, WorkedOpportunity.approveIncentives());
  }

  void lostWithItsLossShared(String id) {
    DemoDriver demo = throughAgreement(id, "Nanjing Bank / 南京银行", "Branch footfall study");
    demo.play(id, WorkedOpportunity.solutionAndOffer());
    demo.play(id, WorkedOpportunity.negotiation("LOST"));
    demo.play(id, WorkedOpportunity.reportInputs(INPUTS));
    demo.play(id, WorkedOpportunity.evaluateTeam());
    demo.play(
        id,
        WorkedOpportunity.recordLoss(60_000L, "Two months of pre-sales"),
        WorkedOpportunity.holdRetrospective("Involve the customer's IT earlier"));
  }

  void inCommitteeArbitration(String id) {
    DemoDriver demo = throughAgreement(id, "Hefei Airport / 合肥机场", "Baggage tracking");
    demo.raiseDispute(
        "carol",
        Map.of(
            ArbitrationVariables.OPPORTUNITY_ID, id,
            ArbitrationVariables.DISPUTE_TYPE, "RESOURCE_ALLOCATION",
            ArbitrationVariables.RAISED_BY_DEPARTMENT, "DELIVERY",
            ArbitrationVariables.AGAINST_DEPARTMENT, "SALES",
            ArbitrationVariables.DESCRIPTION, "Sales promised a go-live date delivery cannot staff",
            ArbitrationVariables.AMOUNT_AT_STAKE, 1_500_000L));
  }

  void withAnOverdueDesign(String id) {
    throughAgreement(id, "Xiamen Ferries / 厦门轮渡", "Ticketing platform");
    as().overdue(id, WorkedOpportunity.DESIGN_SOLUTION, Duration.ofDays(3));
  }

  void waitingForThePressRelease(String id) {
    DemoDriver demo = as();
    Map<String, Object> start = keyAccount(id, "Shenzhen Lighthouse / 深圳灯塔", "AI ticket desk");
    start.put(OpportunityVariables.CUSTOMER_TIER, "STRATEGIC");
    start.put(OpportunityVariables.ESTIMATED_VALUE, 8_000_000L);
    demo.start(ALICE, start);
    demo.play(
        id,
        WorkedOpportunity.qualify(),
        WorkedOpportunity.formSponsoredTeam(
            "frank",
            "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\","
                + " \"department\": \"TECH\"}, {\"userId\": \"carol\", \"department\":"
                + " \"DELIVERY\"}, {\"userId\": \"dave\", \"department\": \"MARKETING\"}]"));
  }

  /** Started by alice, qualified, the worked example's team, the agreement signed by all. */
  private DemoDriver throughAgreement(String id, String customer, String title) {
    DemoDriver demo = as();
    demo.start(ALICE, keyAccount(id, customer, title));
    demo.play(id, WorkedOpportunity.throughAgreement());
    return demo;
  }

  /** The worked example's start for another customer and title. */
  static Map<String, Object> keyAccount(String id, String customer, String title) {
    return WorkedOpportunity.keyAccount(id, customer, title);
  }
}
