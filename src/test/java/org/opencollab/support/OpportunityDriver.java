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
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.script.EngineSteps;
import org.opencollab.script.Step;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.script.WorkedOpportunity.Input;

/**
 * Works opportunities and disputes through the Java API as the demo users would in Tasklist: the
 * steps of {@link WorkedOpportunity} played by {@link EngineSteps} without signing in, one method
 * per step, named after the task. Each opportunity gets its own id, so the disputes it raises (same
 * business key) are found with it.
 */
public final class OpportunityDriver {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final ProcessEngine engine;
  private final EngineSteps steps;

  public OpportunityDriver(ProcessEngine engine) {
    this.engine = engine;
    this.steps = EngineSteps.unauthenticated(engine);
  }

  public static String newOpportunityId() {
    return "OPP-T" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * The worked example of docs/money.md ({@link WorkedOpportunity}): a KEY customer, 2,000,000 CNY,
   * MEDIUM complexity — priority B, tech participation MANDATORY, no task force, no press release.
   */
  public static Map<String, Object> keyAccount(String opportunityId) {
    return WorkedOpportunity.keyAccount(opportunityId);
  }

  /**
   * A STRATEGIC customer: priority A, task force with executive sponsor, press release, tech
   * MANDATORY.
   */
  public static Map<String, Object> strategicAccount(String opportunityId) {
    Map<String, Object> variables = keyAccount(opportunityId);
    variables.put(OpportunityVariables.CUSTOMER_TIER, "STRATEGIC");
    variables.put(OpportunityVariables.ESTIMATED_VALUE, 8_000_000L);
    return variables;
  }

  /** A small STANDARD deal of LOW complexity: priority C, tech participation NONE. */
  public static Map<String, Object> smallDeal(String opportunityId) {
    Map<String, Object> variables = keyAccount(opportunityId);
    variables.put(OpportunityVariables.CUSTOMER_TIER, "STANDARD");
    variables.put(OpportunityVariables.ESTIMATED_VALUE, 100_000.5);
    variables.put(OpportunityVariables.TECHNICAL_COMPLEXITY, "LOW");
    return variables;
  }

  public ProcessInstance start(Map<String, Object> variables) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(OpportunityVariables.PROCESS_KEY, variables);
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

  // --- the steps of WorkedOpportunity, played without signing in ---

  /** Plays steps of {@link WorkedOpportunity} on opportunity {@code id}. */
  public void play(String id, List<Step> script) {
    steps.play(id, script);
  }

  public void play(String id, Step step) {
    steps.play(id, step);
  }

  public void qualify(String id) {
    play(id, WorkedOpportunity.qualify());
  }

  /** The worked example's team: alice and sam (SALES), bob (TECH), carol (DELIVERY). */
  public void formWorkedExampleTeam(String id) {
    play(id, WorkedOpportunity.formTeam());
  }

  /** A task force: the worked example's team with frank as executive sponsor. */
  public void formTaskForce(String id) {
    formSponsoredTeam(id, WorkedOpportunity.TASK_FORCE_SPONSOR, WorkedOpportunity.TASK_FORCE);
  }

  /** bob as solution manager, carol as delivery manager, {@code sponsor} and {@code members}. */
  public void formSponsoredTeam(String id, String sponsor, String members) {
    play(id, WorkedOpportunity.formSponsoredTeam(sponsor, members));
  }

  /** Without tech: alice (SALES) and carol (DELIVERY). */
  public void formTeamWithoutTech(String id) {
    play(
        id,
        WorkedOpportunity.formTeam(
            null, WorkedOpportunity.DELIVERY_MANAGER_USER, WorkedOpportunity.TEAM_WITHOUT_TECH));
  }

  public void draftAgreement(String id, String shares) {
    play(id, WorkedOpportunity.draftAgreement(shares));
  }

  /** Tech and sales each add their part to marketing's draft of the press release. */
  public void completePressRelease(String id) {
    for (Task part : tasks(id, "CompletePressRelease")) {
      complete(part, "pressReleaseContribution", "The part of " + department(part));
    }
  }

  /** Every open sign-off approved, each by its department. */
  public void signAll(String id) {
    for (Task signOff : tasks(id, WorkedOpportunity.SIGN_COLLABORATION_AGREEMENT)) {
      play(id, WorkedOpportunity.signOff(department(signOff)));
    }
  }

  /**
   * Starts the worked example as {@code id} and works it, won and delivered, until its incentive
   * calculation is due (every peer rating given); with the job executor on, the approval task
   * follows.
   */
  public void deliverWorkedExampleUntilApproval(String id) {
    start(keyAccount(id));
    play(id, WorkedOpportunity.deliveredUntilCalculation());
  }

  /** The worked example, delivered and every department's input reported: its peers rate next. */
  public ProcessInstance deliverWorkedExampleUntilEvaluation(String id) {
    ProcessInstance opportunity = start(keyAccount(id));
    play(id, WorkedOpportunity.deliveredUntilEvaluation());
    return opportunity;
  }

  /**
   * Starts the worked example as {@code id}, lost in negotiation, every department's input reported
   * and a loss of 10,000 CNY recorded: its loss allocation is due (a job).
   */
  public ProcessInstance loseWorkedExampleUntilAllocation(String id) {
    ProcessInstance opportunity = start(keyAccount(id));
    play(id, WorkedOpportunity.lostUntilAllocation());
    return opportunity;
  }

  public void designAndOffer(String id) {
    play(id, WorkedOpportunity.solutionAndOffer());
  }

  /**
   * Tech's support when it is asked for, then the negotiation's {@code outcome} and {@code extra}.
   */
  public void negotiate(String id, String outcome, Object... extra) {
    if (!tasks(id, WorkedOpportunity.SUPPORT_NEGOTIATION).isEmpty()) {
      play(id, WorkedOpportunity.supportNegotiation());
    }
    play(id, WorkedOpportunity.negotiate(outcome).with(extra));
  }

  /** Delivery planned in {@code sprints} sprints, each reviewed on track. */
  public void deliver(String id, int sprints) {
    play(id, WorkedOpportunity.sprints(sprints));
  }

  /** Each open input report, with the hours and cost of its department. */
  public void reportInputs(String id, Map<String, int[]> hoursAndCost) {
    for (Task report : tasks(id, WorkedOpportunity.REPORT_DEPARTMENT_INPUT)) {
      String department = department(report);
      int[] input = hoursAndCost.get(department);
      play(id, WorkedOpportunity.reportInput(department, new Input(input[0], input[1])));
    }
  }

  private String department(Task perDepartment) {
    return (String)
        engine.getTaskService().getVariable(perDepartment.getId(), OpportunityVariables.DEPARTMENT);
  }

  /**
   * A dispute raised on its own by DELIVERY against SALES about priority; 1,000,000 CNY or more
   * goes to the committee.
   */
  public ProcessInstance raiseDispute(String opportunityId, long amountAtStake) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            ArbitrationVariables.PROCESS_KEY,
            variables(
                ArbitrationVariables.OPPORTUNITY_ID, opportunityId,
                ArbitrationVariables.DISPUTE_TYPE, "PRIORITY",
                ArbitrationVariables.RAISED_BY_DEPARTMENT, "DELIVERY",
                ArbitrationVariables.AGAINST_DEPARTMENT, "SALES",
                ArbitrationVariables.DESCRIPTION, "Both want the same week",
                ArbitrationVariables.AMOUNT_AT_STAKE, amountAtStake));
  }

  /** Each open evaluation, with its assignee's ratings of the others (Json text by member). */
  public void evaluatePeers(String id, Map<String, String> ratings) {
    for (Task evaluation : tasks(id, WorkedOpportunity.EVALUATE_PEERS)) {
      play(
          id,
          WorkedOpportunity.evaluatePeers(
              evaluation.getAssignee(), ratings.get(evaluation.getAssignee())));
    }
  }

  /** The worked example's ratings: alice 5,4,5; sam 2,2,3; bob 5,5,4; carol 4,4,3. */
  public void evaluateWorkedExamplePeers(String id) {
    evaluatePeers(id, WorkedOpportunity.RATINGS_BY_RATER);
  }

  /** The coordinator's rating of the worked example's team (360度评估). */
  public void rateWorkedExampleTeamAsCoordinator(String id) {
    play(id, WorkedOpportunity.rateTeamAsCoordinator(WorkedOpportunity.COORDINATOR_RATINGS));
  }

  /** The worked example's team rated 360 degrees: every peer, then the coordinator. */
  public void evaluateWorkedExampleTeam(String id) {
    evaluateWorkedExamplePeers(id);
    rateWorkedExampleTeamAsCoordinator(id);
  }
}
