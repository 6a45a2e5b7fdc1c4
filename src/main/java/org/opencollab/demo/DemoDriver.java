package org.opencollab.demo;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Works the demo opportunities as the demo users would in Tasklist: each step signed in as the
 * person who does it, so every rule and authorization applies as it would to them.
 */
final class DemoDriver {

  private static final Map<String, String> MEMBER_OF_DEPARTMENT =
      Map.of("SALES", "sam", "TECH", "bob", "DELIVERY", "carol", "OPERATIONS", "otto");

  private final ProcessEngine engine;

  DemoDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  static TypedValue json(String text) {
    return SpinValues.jsonValue(text).create();
  }

  void start(String user, Map<String, Object> variables) {
    signIn(user);
    engine.getRuntimeService().startProcessInstanceByKey("opportunityToDelivery", variables);
  }

  void raiseDispute(String user, Map<String, Object> variables) {
    signIn(user);
    engine.getRuntimeService().startProcessInstanceByKey("collaborationArbitration", variables);
  }

  void complete(String user, String id, String taskKey, Object... keyValues) {
    complete(user, task(id, taskKey, null), keyValues);
  }

  /** The account manager (alice, unless {@code accountManager} says otherwise) qualifies it. */
  void qualify(String id) {
    qualify("alice", id);
  }

  void qualify(String accountManager, String id) {
    complete(accountManager, id, "QualifyOpportunity", "qualified", true);
  }

  void draftAgreement(String id, String shares) {
    complete(
        "erin",
        id,
        "DraftCollaborationAgreement",
        "departmentShares",
        json(shares),
        "customerDataOwner",
        "SALES",
        "dataAccessRules",
        "Sales owns the customer data; tech may analyse it anonymised.");
  }

  void signOff(String user, String id, String department) {
    complete(
        user,
        task(id, "SignCollaborationAgreement", department.toLowerCase()),
        "agreementApproved",
        true);
  }

  void designAndOffer(String id) {
    complete(
        "bob",
        id,
        "DesignSolution",
        "solutionSummary",
        "A streaming platform on the customer's data lake",
        "estimatedEffortDays",
        120);
    complete("alice", id, "PrepareOffer", "offerValue", 2_100_000L);
  }

  void win(String id) {
    complete("bob", id, "SupportNegotiation", "technicalCommitments", "On-premises, 99.9 % uptime");
    complete(
        "alice", id, "NegotiateDeal", "negotiationOutcome", "WON", "contractValue", 2_000_000L);
  }

  void reportInputs(String id) {
    for (Task report : tasks(id, "ReportDepartmentInput")) {
      engine.getIdentityService().clearAuthentication();
      String department =
          (String) engine.getTaskService().getVariable(report.getId(), "department");
      complete(
          MEMBER_OF_DEPARTMENT.get(department), report, "inputHours", 120, "inputCost", 30_000);
    }
  }

  void evaluatePeers(String id) {
    Map<String, String> ratings =
        Map.of(
            "alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}",
            "sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}",
            "bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}",
            "carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");
    for (Task evaluation : tasks(id, "EvaluatePeers")) {
      complete(
          evaluation.getAssignee(),
          evaluation,
          "ratings",
          json(ratings.get(evaluation.getAssignee())),
          "comments",
          "Good collaboration");
    }
  }

  /**
   * Waits (at most 60 s) until the opportunity has an open task {@code taskKey}, running its due
   * asynchronous steps meanwhile; the job executor may run them first.
   */
  void awaitTask(String id, String taskKey) {
    long until = System.currentTimeMillis() + 60_000;
    while (tasks(id, taskKey).isEmpty()) {
      if (System.currentTimeMillis() > until) {
        throw new IllegalStateException(id + " has no task " + taskKey + " after 60 s");
      }
      for (Job job : dueSteps(id)) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException takenMeanwhile) {
          // the job executor ran it, or runs it now
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + taskKey, e);
      }
    }
  }

  /** The asynchronous steps due now in the opportunity and its disputes (same business key). */
  private List<Job> dueSteps(String id) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(id)
        .list()
        .stream()
        .flatMap(
            instance ->
                engine
                    .getManagementService()
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .messages()
                    .executable()
                    .list()
                    .stream())
        .toList();
  }

  /**
   * Makes the open task {@code taskKey} overdue by {@code late}: its due date and the timers on it
   * fall due that long ago, as if it had been started days back (the clock itself is not moved).
   */
  void overdue(String id, String taskKey, Duration late) {
    Task task = task(id, taskKey, null);
    Date past = new Date(System.currentTimeMillis() - late.toMillis());
    task.setDueDate(past);
    engine.getTaskService().saveTask(task);
    for (Job timer :
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(task.getProcessInstanceId())
            .timers()
            .list()) {
      engine.getManagementService().setJobDuedate(timer.getId(), past);
    }
  }

  private void complete(String user, Task task, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    signIn(user);
    engine.getTaskService().complete(task.getId(), variables);
  }

  private Task task(String id, String taskKey, String candidateGroup) {
    engine.getIdentityService().clearAuthentication();
    var query =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey(taskKey);
    if (candidateGroup != null) {
      query.taskCandidateGroup(candidateGroup);
    }
    List<Task> found = query.list();
    if (found.size() != 1) {
      throw new IllegalStateException(id + " has " + found.size() + " open " + taskKey + " tasks");
    }
    return found.get(0);
  }

  private List<Task> tasks(String id, String taskKey) {
    engine.getIdentityService().clearAuthentication();
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(id)
        .taskDefinitionKey(taskKey)
        .list();
  }

  private void signIn(String user) {
    engine.getIdentityService().clearAuthentication();
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    engine.getIdentityService().setAuthentication(user, groups);
  }
}
