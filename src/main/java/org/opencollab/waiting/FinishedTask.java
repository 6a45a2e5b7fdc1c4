package org.opencollab.waiting;

import java.time.Instant;

/**
 * A completed task as history holds it: when it was created, first assigned (claimed, or given to
 * someone; null when it never was) and completed.
 */
public record FinishedTask(
    String taskId,
    String activityId,
    String processDefinitionId,
    String processInstanceId,
    Instant created,
    Instant claimed,
    Instant completed) {

  /**
   * From creation to the first assignment: zero for a task assigned as it is created, the whole
   * task's life for one completed without ever being assigned.
   */
  public long waitingMillis() {
    if (claimed == null || !claimed.isBefore(completed)) {
      return totalMillis();
    }
    return Math.max(0, claimed.toEpochMilli() - created.toEpochMilli());
  }

  /** From the first assignment to completion. */
  public long workedMillis() {
    return totalMillis() - waitingMillis();
  }

  public long totalMillis() {
    return Math.max(0, completed.toEpochMilli() - created.toEpochMilli());
  }
}
