package org.opencollab.waiting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.opencollab.waiting.WaitingFigures.ActivityFigures;
import org.opencollab.waiting.WaitingFigures.PhaseFigures;
import org.springframework.stereotype.Component;

/**
 * The waiting times of one process over a period: reads the completed tasks ({@link TaskHistory})
 * and the model's steps ({@link ProcessSteps}), figures them ({@link WaitingFigures}) and names the
 * opportunity of each of the slowest tasks.
 */
@Component
public class WaitingTimes {

  /** How many of the slowest tasks the answer lists. */
  static final int SLOWEST = 10;

  /** One of the slowest tasks; {@code opportunityId} its process instance's business key. */
  @JsonPropertyOrder({
    "taskId",
    "activityId",
    "name",
    "nameZh",
    "opportunityId",
    "processInstanceId",
    "created",
    "claimed",
    "completed",
    "waitingMillis",
    "workedMillis",
    "totalMillis"
  })
  public record SlowTask(
      String taskId,
      String activityId,
      String name,
      String nameZh,
      String opportunityId,
      String processInstanceId,
      Instant created,
      Instant claimed,
      Instant completed,
      long waitingMillis,
      long workedMillis,
      long totalMillis) {}

  /** The answer of {@code GET /api/processes/{processKey}/waiting-times}. */
  @JsonPropertyOrder({
    "processKey",
    "name",
    "nameZh",
    "from",
    "to",
    "tasks",
    "activities",
    "phases",
    "slowest"
  })
  public record Answer(
      String processKey,
      String name,
      String nameZh,
      String from,
      String to,
      int tasks,
      List<ActivityFigures> activities,
      List<PhaseFigures> phases,
      List<SlowTask> slowest) {}

  private final RepositoryService repository;
  private final TaskHistory history;
  private final ProcessSteps steps;

  public WaitingTimes(RepositoryService repository, TaskHistory history, ProcessSteps steps) {
    this.repository = repository;
    this.history = history;
    this.steps = steps;
  }

  /** The latest deployed version of the process, or null when none is deployed. */
  public ProcessDefinition latest(String processKey) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(processKey)
        .latestVersion()
        .singleResult();
  }

  /**
   * The figures of the tasks completed from {@code from} until before {@code until} (either null
   * for no bound); {@code fromDay} and {@code toDay} are the days asked for, repeated in the
   * answer.
   */
  public Answer of(
      ProcessDefinition latest, Instant from, Instant until, String fromDay, String toDay) {
    List<FinishedTask> tasks = history.completed(latest.getKey(), from, until);
    Set<String> definitions = new LinkedHashSet<>();
    definitions.add(latest.getId());
    tasks.forEach(task -> definitions.add(task.processDefinitionId()));
    ProcessSteps.Model model = steps.of(new ArrayList<>(definitions));
    List<ActivityFigures> activities = WaitingFigures.perActivity(model.steps(), tasks);
    List<FinishedTask> slowest = WaitingFigures.slowest(tasks, SLOWEST);
    Map<String, String> opportunities =
        history.businessKeys(
            new LinkedHashSet<>(slowest.stream().map(FinishedTask::processInstanceId).toList()));
    List<SlowTask> slow =
        slowest.stream()
            .map(
                task -> {
                  ActivityFigures step =
                      activities.stream()
                          .filter(activity -> activity.activityId().equals(task.activityId()))
                          .findFirst()
                          .orElseThrow();
                  return new SlowTask(
                      task.taskId(),
                      task.activityId(),
                      step.name(),
                      step.nameZh(),
                      opportunities.get(task.processInstanceId()),
                      task.processInstanceId(),
                      task.created(),
                      task.claimed(),
                      task.completed(),
                      task.waitingMillis(),
                      task.workedMillis(),
                      task.totalMillis());
                })
            .toList();
    return new Answer(
        latest.getKey(),
        model.name(),
        model.nameZh(),
        fromDay,
        toDay,
        tasks.size(),
        activities,
        WaitingFigures.perPhase(model.phases(), model.steps(), tasks),
        slow);
  }
}
