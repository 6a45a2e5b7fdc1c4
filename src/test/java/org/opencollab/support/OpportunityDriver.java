package org.opencollab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Works opportunities and disputes through the Java API as the demo users would in Tasklist: one
 * step per task, named after the task. Each opportunity gets its own id, so the disputes it raises
 * (same business key) are found with it.
 */
public final class OpportunityDriver {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final ProcessEngine engine;

  public OpportunityDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public static String newOpportunityId() {
    return "OPP-T" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * The worked example of docs/money.md: a KEY customer, 2,000,000 CNY, MEDIUM complexity —
   * priority B, tech participation MANDATORY, no task force, no press release.
   */
  public static Map<String, Object> keyAccount(String opportunityId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("opportunityId", opportunityId);
    variables.put("customerName", "Shanghai Metro / 上海地铁");
    variables.put("title", "Passenger analytics platform");
    variables.put("customerTier", "KEY");
    variables.put("estimatedValue", 2_000_000L);
    variables.put("technicalComplexity", "MEDIUM");
    variables.put("customizationRequired", false);
    variables.put("newProduct", false);
    variables.put("source", "SALES");
    variables.put("accountManager", "alice");
    return variables;
  }

  /**
   * A STRATEGIC customer: priority A, task force with executive sponsor, press release, tech
   * MANDATORY.
   */
  public static Map<String, Object> strategicAccount(String opportunityId) {
    Map<String, Object> variables = keyAccount(opportunityId);
    variables.put("customerTier", "STRATEGIC");
    variables.put("estimatedValue", 8_000_000L);
    return variables;
  }

  /** A small STANDARD deal of LOW complexity: priority C, tech participation NONE. */
  public static Map<String, Object> smallDeal(String opportunityId) {
    Map<String, Object> variables = keyAccount(opportunityId);
    variables.put("customerTier", "STANDARD");
    variables.put("estimatedValue", 100_000.5);
    variables.put("technicalComplexity", "LOW");
    return variables;
  }

  public ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey("opportunityToDelivery", variables);
  }

  /** The one open task with this key among the opportunity's instances and its disputes. */
  public Task task(String opportunityId, String taskKey) {
    List<Task> tasks = tasks(opportunityId, taskKey);
    assertThat(tasks).as("open %s tasks of %s", taskKey, opportunityId).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(String opportunityId, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(opportunityId)
        .taskDefinitionKey(taskKey)
        .orderByTaskAssignee()
        .asc()
        .orderByTaskId()
        .asc()
        .list();
  }

  public void complete(String opportunityId, String taskKey, Object... keyValues) {
    engine.getTaskService().complete(task(opportunityId, taskKey).getId(), variables(keyValues));
  }

  public void complete(Task task, Object... keyValues) {
    engine.getTaskService().complete(task.getId(), variables(keyValues));
  }

  public static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    return variables;
  }

  /**
   * Runs the asynchronous continuations (not timers) of the opportunity and its disputes until none
   * is left.
   */
  public void runJobs(String opportunityId) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = jobs(opportunityId, query -> query.messages().withRetriesLeft());
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs of " + opportunityId + " keep coming");
  }

  /** Fires the timer attached to {@code activityId} now, then runs what follows. */
  public void fireTimer(String opportunityId, String activityId) {
    List<Job> timers = jobs(opportunityId, query -> query.timers().activityId(activityId));
    assertThat(timers).as("timer on %s", activityId).hasSize(1);
    Job timer = timers.get(0);
    engine.getManagementService().executeJob(timer.getId());
    runJobs(opportunityId);
  }

  /** Jobs of the opportunity and of its disputes, which share its business key. */
  private List<Job> jobs(String opportunityId, java.util.function.UnaryOperator<JobQuery> filter) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(opportunityId)
        .list()
        .stream()
        .flatMap(
            instance ->
                filter
                    .apply(
                        engine
                            .getManagementService()
                            .createJobQuery()
                            .processInstanceId(instance.getId()))
                    .list()
                    .stream())
        .toList();
  }

  public Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  public Object historicVariable(ProcessInstance instance, String name) {
    var variable =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .list()
            .stream()
            .filter(found -> instance.getId().equals(found.getExecutionId()))
            .findFirst()
            .orElse(null);
    return variable == null ? null : variable.getValue();
  }

  // --- the steps of docs/process-variables.md, as the demo users do them ---

  public void qualify(String id) {
    complete(id, "QualifyOpportunity", "qualified", true);
  }

  /** The worked example's team: alice and sam (SALES), bob (TECH), carol (DELIVERY). */
  public void formWorkedExampleTeam(String id) {
    complete(
        id,
        "FormTeam",
        "solutionManager",
        "bob",
        "deliveryManager",
        "carol",
        "teamMembers",
        SpinValues.jsonValue(
                """
        [{"userId": "alice", "department": "SALES"}, {"userId": "sam", "department": "SALES"},
         {"userId": "bob", "department": "TECH"}, {"userId": "carol", "department": "DELIVERY"}]""")
            .create());
  }

  /** A task force: the worked example's team with frank as executive sponsor. */
  public void formTaskForce(String id) {
    formSponsoredTeam(
        id,
        "frank",
        """
        [{"userId": "alice", "department": "SALES"}, {"userId": "bob", "department": "TECH"},
         {"userId": "carol", "department": "DELIVERY"}]""");
  }

  /** bob as solution manager, carol as delivery manager, {@code sponsor} and {@code members}. */
  public void formSponsoredTeam(String id, String sponsor, String members) {
    complete(
        id,
        "FormTeam",
        "solutionManager",
        "bob",
        "deliveryManager",
        "carol",
        "executiveSponsor",
        sponsor,
        "teamMembers",
        SpinValues.jsonValue(members).create());
  }

  /** Without tech: alice (SALES) and carol (DELIVERY). */
  public void formTeamWithoutTech(String id) {
    complete(
        id,
        "FormTeam",
        "deliveryManager",
        "carol",
        "teamMembers",
        SpinValues.jsonValue(
                """
        [{"userId": "alice", "department": "SALES"}, {"userId": "carol", "department": "DELIVERY"}]""")
            .create());
  }

  public void draftAgreement(String id, String shares) {
    complete(
        id,
        "DraftCollaborationAgreement",
        "departmentShares",
        SpinValues.jsonValue(shares).create(),
        "customerDataOwner",
        "SALES",
        "dataAccessRules",
        "Sales owns the customer data; tech may analyse it anonymised.");
  }

  public void signAll(String id) {
    for (Task signOff : tasks(id, "SignCollaborationAgreement")) {
      complete(signOff, "agreementApproved", true);
    }
  }

  /**
   * Starts the worked example as {@code id} and works it, won and delivered, until its incentive
   * calculation is due (every peer rating given); with the job executor on, the approval task
   * follows.
   */
  public void deliverWorkedExampleUntilApproval(String id) {
    deliverWorkedExampleUntilEvaluation(id);
    evaluateWorkedExamplePeers(id);
  }

  /** The worked example, delivered and every department's input reported: its peers rate next. */
  public ProcessInstance deliverWorkedExampleUntilEvaluation(String id) {
    ProcessInstance opportunity = start(keyAccount(id));
    qualify(id);
    formWorkedExampleTeam(id);
    draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    signAll(id);
    designAndOffer(id);
    negotiate(id, "WON", "contractValue", 2_000_000L);
    deliver(id, 1);
    complete(id, "AcceptDelivery", "accepted", true, "realizedRevenue", 2_000_000L);
    reportInputs(
        id,
        Map.of(
            "SALES", new int[] {120, 30_000},
            "TECH", new int[] {300, 90_000},
            "DELIVERY", new int[] {80, 20_000}));
    return opportunity;
  }

  /**
   * Starts the worked example as {@code id}, lost in negotiation, every department's input reported
   * and a loss of 10,000 CNY recorded: its loss allocation is due (a job).
   */
  public ProcessInstance loseWorkedExampleUntilAllocation(String id) {
    ProcessInstance opportunity = start(keyAccount(id));
    qualify(id);
    formWorkedExampleTeam(id);
    draftAgreement(id, "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}");
    signAll(id);
    designAndOffer(id);
    negotiate(id, "LOST");
    reportInputs(
        id,
        Map.of(
            "SALES", new int[] {30, 6_000},
            "TECH", new int[] {45, 9_000},
            "DELIVERY", new int[] {10, 2_000}));
    complete(id, "RecordLoss", "lossAmount", 10_000L, "lossNotes", "Pre-sales effort");
    return opportunity;
  }

  public void designAndOffer(String id) {
    complete(
        id,
        "DesignSolution",
        "solutionSummary",
        "Streaming analytics on the metro's data lake",
        "estimatedEffortDays",
        120);
    complete(id, "PrepareOffer", "offerValue", 2_100_000L);
  }

  public void negotiate(String id, String outcome, Object... extra) {
    if (!tasks(id, "SupportNegotiation").isEmpty()) {
      complete(
          id,
          "SupportNegotiation",
          "technicalCommitments",
          "99.9 % availability, on-premises deployment");
    }
    Object[] values = new Object[extra.length + 2];
    values[0] = "negotiationOutcome";
    values[1] = outcome;
    System.arraycopy(extra, 0, values, 2, extra.length);
    complete(id, "NegotiateDeal", values);
  }

  public void deliver(String id, int sprints) {
    complete(id, "PlanDelivery", "sprintCount", sprints);
    for (int sprint = 0; sprint < sprints; sprint++) {
      complete(
          id,
          "ReviewSprint",
          "sprintStatus",
          "ON_TRACK",
          "sprintNotes",
          "Sprint " + (sprint + 1) + " done");
    }
  }

  public void reportInputs(String id, Map<String, int[]> hoursAndCost) {
    for (Task report : tasks(id, "ReportDepartmentInput")) {
      String department =
          (String) engine.getTaskService().getVariable(report.getId(), "department");
      int[] input = hoursAndCost.get(department);
      complete(report, "inputHours", input[0], "inputCost", input[1]);
    }
  }

  /**
   * A dispute raised on its own by DELIVERY against SALES about priority; 1,000,000 CNY or more
   * goes to the committee.
   */
  public ProcessInstance raiseDispute(String opportunityId, long amountAtStake) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "collaborationArbitration",
            variables(
                "opportunityId", opportunityId,
                "disputeType", "PRIORITY",
                "raisedByDepartment", "DELIVERY",
                "againstDepartment", "SALES",
                "description", "Both want the same week",
                "amountAtStake", amountAtStake));
  }

  /** Each member's ratings of the others, as Json text by member. */
  public void evaluatePeers(String id, Map<String, String> ratings) {
    for (Task evaluation : tasks(id, "EvaluatePeers")) {
      complete(
          evaluation,
          "ratings",
          SpinValues.jsonValue(ratings.get(evaluation.getAssignee())).create(),
          "comments",
          "Good collaboration");
    }
  }

  /** The worked example's ratings: alice 5,4,5; sam 2,2,3; bob 5,5,4; carol 4,4,3. */
  public void evaluateWorkedExamplePeers(String id) {
    Map<String, String> ratings =
        Map.of(
            "alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}",
            "sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}",
            "bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}",
            "carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");
    for (Task evaluation : tasks(id, "EvaluatePeers")) {
      complete(
          evaluation,
          "ratings",
          SpinValues.jsonValue(ratings.get(evaluation.getAssignee())).create(),
          "comments",
          "Good collaboration");
    }
  }
}
