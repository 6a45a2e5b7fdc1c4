package org.opencollab.waiting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencollab.waiting.ProcessSteps.Phase;
import org.opencollab.waiting.ProcessSteps.Step;

/**
 * The waiting times of completed tasks, per step and per phase, and the slowest tasks: plain
 * figures from {@link FinishedTask}s and the model's steps, no engine.
 */
final class WaitingFigures {

  private WaitingFigures() {}

  /** How many tasks, and the {@link Spread} of their waiting and of their working time. */
  @JsonPropertyOrder({
    "count",
    "waitingMedianMillis",
    "waitingP90Millis",
    "workedMedianMillis",
    "workedP90Millis"
  })
  public record Figures(
      int count,
      Long waitingMedianMillis,
      Long waitingP90Millis,
      Long workedMedianMillis,
      Long workedP90Millis) {

    static Figures of(List<FinishedTask> tasks) {
      Spread waiting = Spread.of(tasks.stream().mapToLong(FinishedTask::waitingMillis).toArray());
      Spread worked = Spread.of(tasks.stream().mapToLong(FinishedTask::workedMillis).toArray());
      return new Figures(
          tasks.size(),
          waiting.medianMillis(),
          waiting.p90Millis(),
          worked.medianMillis(),
          worked.p90Millis());
    }
  }

  /** One step's figures; {@code phaseId} is null for a step outside the phases. */
  public record ActivityFigures(
      String activityId,
      String name,
      String nameZh,
      String phaseId,
      @JsonUnwrapped Figures figures) {}

  /** One phase's figures: those of every task of its steps together. */
  public record PhaseFigures(
      String phaseId, String name, String nameZh, @JsonUnwrapped Figures figures) {}

  /**
   * One entry per step, in the order of {@code steps}, a step with no task in the period included
   * (count 0); then the steps history knows and {@code steps} does not, named by their id.
   */
  static List<ActivityFigures> perActivity(List<Step> steps, List<FinishedTask> tasks) {
    Map<String, List<FinishedTask>> byActivity = byActivity(tasks);
    Map<String, Step> known = new LinkedHashMap<>();
    steps.forEach(step -> known.put(step.activityId(), step));
    byActivity.keySet().stream()
        .filter(id -> !known.containsKey(id))
        .sorted()
        .forEach(id -> known.put(id, new Step(id, id, null, null)));
    List<ActivityFigures> entries = new ArrayList<>();
    for (Step step : known.values()) {
      entries.add(
          new ActivityFigures(
              step.activityId(),
              step.name(),
              step.nameZh(),
              step.phaseId(),
              Figures.of(byActivity.getOrDefault(step.activityId(), List.of()))));
    }
    return entries;
  }

  /** One entry per phase, in the order of {@code phases}. */
  static List<PhaseFigures> perPhase(
      List<Phase> phases, List<Step> steps, List<FinishedTask> tasks) {
    Map<String, String> phaseOf = new HashMap<>();
    steps.stream()
        .filter(step -> step.phaseId() != null)
        .forEach(step -> phaseOf.put(step.activityId(), step.phaseId()));
    Map<String, List<FinishedTask>> byPhase = new HashMap<>();
    for (FinishedTask task : tasks) {
      String phase = phaseOf.get(task.activityId());
      if (phase != null) {
        byPhase.computeIfAbsent(phase, key -> new ArrayList<>()).add(task);
      }
    }
    return phases.stream()
        .map(
            phase ->
                new PhaseFigures(
                    phase.phaseId(),
                    phase.name(),
                    phase.nameZh(),
                    Figures.of(byPhase.getOrDefault(phase.phaseId(), List.of()))))
        .toList();
  }

  /** The {@code limit} tasks that took longest from creation to completion, longest first. */
  static List<FinishedTask> slowest(List<FinishedTask> tasks, int limit) {
    return tasks.stream()
        .sorted(
            Comparator.comparingLong(FinishedTask::totalMillis)
                .reversed()
                .thenComparing(FinishedTask::taskId))
        .limit(limit)
        .toList();
  }

  private static Map<String, List<FinishedTask>> byActivity(List<FinishedTask> tasks) {
    Map<String, List<FinishedTask>> byActivity = new LinkedHashMap<>();
    tasks.forEach(
        task -> byActivity.computeIfAbsent(task.activityId(), key -> new ArrayList<>()).add(task));
    return byActivity;
  }
}
