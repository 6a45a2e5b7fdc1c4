package org.opencollab.migration;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.script.Step;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.OpportunityDriver;

/**
 * Opportunities of the worked example brought to a phase (the first steps of a walk of {@link
 * WorkedOpportunity} played), and worked from wherever they stand to the end of the same walk.
 */
final class WorkedPhases {

  private final ProcessEngine engine;
  private final OpportunityDriver driver;

  WorkedPhases(ProcessEngine engine) {
    this.engine = engine;
    this.driver = new OpportunityDriver(engine);
  }

  /** An opportunity on its walk, {@code played} steps into it. */
  record Placed(String id, ProcessInstance instance, List<Step> walk, int played) {}

  /** Starts the worked example and plays the first {@code steps} steps of {@code walk}. */
  Placed place(List<Step> walk, int steps) {
    String id = OpportunityDriver.newOpportunityId();
    ProcessInstance instance = driver.start(OpportunityDriver.keyAccount(id));
    for (Step step : walk.subList(0, steps)) {
      driver.runJobs(id);
      driver.play(id, step);
    }
    driver.runJobs(id);
    return new Placed(id, instance, walk, steps);
  }

  /** Works the opportunity's open tasks by its walk until it ends. */
  void finish(Placed placed) {
    for (int round = 0; round < 100; round++) {
      runDueJobs(placed.id());
      if (ended(placed)) {
        return;
      }
      List<Task> open = openTasks(placed);
      if (open.isEmpty()) {
        // a step of the job executor's (the incentive calculation, say) is under way
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ended(placed) || !openTasks(placed).isEmpty());
        continue;
      }
      Task task = open.get(0);
      Step step =
          WorkedOpportunity.find(
                  placed.walk(), task.getTaskDefinitionKey(), group(task), task.getAssignee())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          placed.id()
                              + " waits at "
                              + task.getTaskDefinitionKey()
                              + ", which its walk does not have"));
      driver.play(placed.id(), step);
    }
    throw new IllegalStateException(placed.id() + " does not end");
  }

  /** Runs the due jobs here; with a job executor on, one it took meanwhile is left to it. */
  private void runDueJobs(String id) {
    try {
      driver.runJobs(id);
    } catch (RuntimeException takenMeanwhile) {
      // the job executor runs it
    }
  }

  private List<Task> openTasks(Placed placed) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(placed.id())
        .orderByTaskId()
        .asc()
        .list();
  }

  boolean ended(Placed placed) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(placed.instance().getId())
            .count()
        == 0;
  }

  private String group(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
