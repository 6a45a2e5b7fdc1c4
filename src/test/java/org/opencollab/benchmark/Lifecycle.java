package org.opencollab.benchmark;

import java.time.Duration;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.script.EngineSteps;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.OpportunityDriver;

/**
 * Whole process instances through the Java API, one after the other in one thread: the product's
 * DELIVERED opportunity (the worked example's script, its incentive calculation run by the job
 * executor), and the bare 10-task process deployed into the same engine.
 */
final class Lifecycle {

  private Lifecycle() {}

  record Figures(int instances, long tasks, double seconds) {

    double tasksPerSecond() {
      return tasks / seconds;
    }

    /** Two runs at the same time, as one: their instances and tasks over the longer time. */
    static Figures sum(Figures one, Figures other) {
      return new Figures(
          one.instances + other.instances,
          one.tasks + other.tasks,
          Math.max(one.seconds, other.seconds));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d instances, %,d tasks in %.0f s = %.2f instances/s, %.1f tasks/s",
          instances,
          tasks,
          seconds,
          instances / seconds,
          tasksPerSecond());
    }
  }

  static Figures opportunities(ProcessEngine engine, Duration run) {
    EngineSteps steps =
        EngineSteps.unauthenticated(engine).waitingForTheJobExecutor(Duration.ofMinutes(1));
    long start = System.nanoTime();
    long end = start + run.toNanos();
    int instances = 0;
    long tasks = 0;
    while (System.nanoTime() < end) {
      String id = OpportunityDriver.newOpportunityId();
      steps.start(WorkedOpportunity.ACCOUNT_MANAGER_USER, WorkedOpportunity.keyAccount(id));
      // the job executor calculates the statement before the approval
      steps.play(id, WorkedOpportunity.delivered());
      instances++;
      tasks +=
          engine
              .getHistoryService()
              .createHistoricTaskInstanceQuery()
              .processInstanceBusinessKey(id)
              .finished()
              .count();
    }
    return new Figures(instances, tasks, (System.nanoTime() - start) / 1e9);
  }

  static Figures bareProcess(ProcessEngine engine, Duration run) {
    deployBareProcess(engine);
    TaskService tasks = engine.getTaskService();
    long start = System.nanoTime();
    long end = start + run.toNanos();
    int instances = 0;
    long completed = 0;
    while (System.nanoTime() < end) {
      String instance =
          engine.getRuntimeService().startProcessInstanceByKey(BareEngine.PROCESS).getId();
      for (Task task = next(tasks, instance); task != null; task = next(tasks, instance)) {
        tasks.complete(task.getId());
        completed++;
      }
      instances++;
    }
    return new Figures(instances, completed, (System.nanoTime() - start) / 1e9);
  }

  /** One instance of the bare process, worked to its end; its id. */
  static String oneBareInstance(ProcessEngine engine) {
    deployBareProcess(engine);
    TaskService tasks = engine.getTaskService();
    String instance =
        engine.getRuntimeService().startProcessInstanceByKey(BareEngine.PROCESS).getId();
    for (Task task = next(tasks, instance); task != null; task = next(tasks, instance)) {
      tasks.complete(task.getId());
    }
    return instance;
  }

  private static void deployBareProcess(ProcessEngine engine) {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(BareEngine.PROCESS)
            .count()
        == 0) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(BareEngine.PROCESS + ".bpmn", BareEngine.model(BareEngine.PROCESS))
          .deploy();
    }
  }

  private static Task next(TaskService tasks, String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }
}
