package org.opencollab.script;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opencollab.opportunity.OpportunityVariables;

/**
 * Plays the steps of {@link WorkedOpportunity} through the Java API. Signed in, each step is done
 * as its performer with their groups, so every rule and authorization applies as in Tasklist; not
 * signed in, as the engine's own tests drive it. An opportunity's tasks are found by its business
 * key, which its disputes share.
 */
public final class EngineSteps {

  private final ProcessEngine engine;
  private final boolean signedIn;
  private final Duration patience;
  private final boolean runsDueSteps;
  private final Duration poll;

  private EngineSteps(
      ProcessEngine engine,
      boolean signedIn,
      Duration patience,
      boolean runsDueSteps,
      Duration poll) {
    this.engine = engine;
    this.signedIn = signedIn;
    this.patience = patience;
    this.runsDueSteps = runsDueSteps;
    this.poll = poll;
  }

  /**
   * Each step as its performer; a task not yet open is waited for (at most 60 s) while the
   * opportunity's due asynchronous steps run, here or in the job executor.
   */
  public static EngineSteps asThePerformers(ProcessEngine engine) {
    return new EngineSteps(engine, true, Duration.ofSeconds(60), true, Duration.ofMillis(200));
  }

  /** Without authentication (the caller's, if any, stays); a task not open is a failure at once. */
  public static EngineSteps unauthenticated(ProcessEngine engine) {
    return new EngineSteps(engine, false, Duration.ZERO, false, Duration.ZERO);
  }

  /**
   * The same transport, waiting up to {@code patience} for a task not yet open while the job
   * executor, and only it, runs the steps before it.
   */
  public EngineSteps waitingForTheJobExecutor(Duration patience) {
    return new EngineSteps(engine, signedIn, patience, false, Duration.ofMillis(2));
  }

  /** Starts {@code opportunityToDelivery} as {@code user}. */
  public ProcessInstance start(String user, Map<String, Object> start) {
    return start(OpportunityVariables.PROCESS_KEY, user, start);
  }

  /** Starts process {@code processKey} (a dispute, say) as {@code user}. */
  public ProcessInstance start(String processKey, String user, Map<String, Object> start) {
    signIn(user);
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables(start));
    } finally {
      signOut();
    }
  }

  public void play(String opportunityId, List<Step> steps) {
    steps.forEach(step -> play(opportunityId, step));
  }

  /** Completes the step's task with what the step enters. */
  public void play(String opportunityId, Step step) {
    Task task = awaitTask(opportunityId, step);
    signIn(step.user());
    try {
      engine.getTaskService().complete(task.getId(), variables(step.variables()));
    } finally {
      signOut();
    }
  }

  /** The step's open task, waited for as this transport's patience allows. */
  public Task awaitTask(String opportunityId, Step step) {
    long until = System.nanoTime() + patience.toNanos();
    List<Task> found = tasks(opportunityId, step);
    while (found.isEmpty() && System.nanoTime() < until) {
      if (runsDueSteps) {
        runDueSteps(opportunityId);
      }
      pause();
      found = tasks(opportunityId, step);
    }
    if (found.size() != 1) {
      throw new IllegalStateException(
          opportunityId
              + " has "
              + found.size()
              + " open "
              + step.taskKey()
              + " tasks for "
              + step.user()
              + (step.group() == null ? "" : " of " + step.group()));
    }
    return found.get(0);
  }

  /** The open tasks the step may mean: of its key, its group, and its user when several remain. */
  public List<Task> tasks(String opportunityId, Step step) {
    signOut();
    TaskQuery query =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(opportunityId)
            .taskDefinitionKey(step.taskKey());
    if (step.group() != null) {
      query.taskCandidateGroup(step.group());
    }
    List<Task> found = query.orderByTaskId().asc().list();
    if (found.size() > 1) {
      return found.stream().filter(task -> step.user().equals(task.getAssignee())).toList();
    }
    return found;
  }

  /** The step's variables as the engine keeps them: Json text as Json. */
  public static Map<String, Object> variables(Map<String, Object> entered) {
    Map<String, Object> variables = new HashMap<>();
    entered.forEach(
        (name, value) ->
            variables.put(
                name,
                value instanceof JsonText json
                    ? SpinValues.jsonValue(json.text()).create()
                    : value));
    return variables;
  }

  /** Runs the asynchronous steps due now in the opportunity and its disputes. */
  private void runDueSteps(String opportunityId) {
    for (Job job : dueSteps(opportunityId)) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException takenMeanwhile) {
        // the job executor ran it, or runs it now
      }
    }
  }

  private List<Job> dueSteps(String opportunityId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(opportunityId)
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

  private void pause() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a task", e);
    }
  }

  private void signIn(String user) {
    if (!signedIn) {
      return;
    }
    engine.getIdentityService().clearAuthentication();
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    engine.getIdentityService().setAuthentication(user, groups);
  }

  private void signOut() {
    if (signedIn) {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
