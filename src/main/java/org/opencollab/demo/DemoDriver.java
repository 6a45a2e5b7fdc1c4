package org.opencollab.demo;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.script.EngineSteps;
import org.opencollab.script.Step;

/**
 * Works the demo opportunities as the demo users would in Tasklist: the steps of {@link
 * org.opencollab.script.WorkedOpportunity}, each signed in as the person who does it, so every rule
 * and authorization applies as it would to them; and what the script does not do (a dispute raised
 * on its own, a step made overdue).
 */
final class DemoDriver {

  private final ProcessEngine engine;
  private final EngineSteps steps;

  DemoDriver(ProcessEngine engine) {
    this.engine = engine;
    this.steps = EngineSteps.asThePerformers(engine);
  }

  void start(String user, Map<String, Object> variables) {
    steps.start(user, variables);
  }

  void raiseDispute(String user, Map<String, Object> variables) {
    steps.start(ArbitrationVariables.PROCESS_KEY, user, variables);
  }

  /** Plays the steps of the script on opportunity {@code id}, each as its performer. */
  void play(String id, Step... script) {
    steps.play(id, List.of(script));
  }

  void play(String id, List<Step> script) {
    steps.play(id, script);
  }

  /**
   * Makes the open task {@code taskKey} overdue by {@code late}: its due date and the timers on it
   * fall due that long ago, as if it had been started days back (the clock itself is not moved).
   */
  void overdue(String id, String taskKey, Duration late) {
    Task task = task(id, taskKey);
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

  private Task task(String id, String taskKey) {
    engine.getIdentityService().clearAuthentication();
    List<Task> found =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey(taskKey)
            .list();
    if (found.size() != 1) {
      throw new IllegalStateException(id + " has " + found.size() + " open " + taskKey + " tasks");
    }
    return found.get(0);
  }
}
