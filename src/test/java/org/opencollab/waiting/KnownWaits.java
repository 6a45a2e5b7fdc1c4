package org.opencollab.waiting;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.support.OpportunityDriver;

/**
 * A history with known waiting times, made on the engine's clock in March 2031 (server time), where
 * no other test works: five health reports reviewed by coordinators, claimed after 10, 20, 30, 40
 * and 50 minutes and worked 60, 120, 180, 240 and 600 minutes (the last one claimed, given back and
 * claimed again by someone else: its first claim counts); one more reviewed in April, outside the
 * period; and three opportunities disqualified by their account manager, whose qualification is
 * assigned as it is created, after 15, 45 and 90 minutes.
 */
final class KnownWaits {

  static final String FROM = "2031-03-01";
  static final String TO = "2031-03-31";
  static final long MINUTE = Duration.ofMinutes(1).toMillis();

  private final ProcessEngine engine;
  private final TaskService tasks;
  final List<String> opportunities = new ArrayList<>();

  KnownWaits(ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
  }

  /** Makes the history; the engine's clock is reset afterwards. */
  KnownWaits make() {
    try {
      int[][] reviews = {{10, 60}, {20, 120}, {30, 180}, {40, 240}};
      for (int i = 0; i < reviews.length; i++) {
        review(at(3 + i, 9, 0), reviews[i][0], reviews[i][1]);
      }
      Task last = startReview(at(10, 9, 0));
      clock(at(10, 9, 50));
      tasks.claim(last.getId(), "erin");
      clock(at(10, 9, 55));
      tasks.setAssignee(last.getId(), null);
      clock(at(10, 13, 0));
      tasks.claim(last.getId(), "heidi");
      clock(at(10, 19, 50));
      tasks.complete(last.getId());
      review(LocalDateTime.of(2031, 4, 2, 9, 0), 5, 5);

      OpportunityDriver driver = new OpportunityDriver(engine);
      int[] qualifications = {15, 45, 90};
      for (int i = 0; i < qualifications.length; i++) {
        String id = OpportunityDriver.newOpportunityId();
        opportunities.add(id);
        clock(at(20 + i, 10, 0));
        driver.start(OpportunityDriver.keyAccount(id));
        clock(at(20 + i, 10, 0).plusMinutes(qualifications[i]));
        driver.complete(
            id, "QualifyOpportunity", "qualified", false, "qualificationNotes", "No budget");
      }
      return this;
    } finally {
      ClockUtil.reset();
    }
  }

  private void review(LocalDateTime created, int waiting, int working) {
    Task task = startReview(created);
    clock(created.plusMinutes(waiting));
    tasks.claim(task.getId(), "erin");
    clock(created.plusMinutes(waiting + working));
    tasks.complete(task.getId());
  }

  private Task startReview(LocalDateTime created) {
    clock(created);
    String instance =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey("collaborationHealthCheck")
            .startBeforeActivity("ReviewHealthReport")
            .setVariable("periodDays", 90)
            .execute()
            .getId();
    return tasks
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey("ReviewHealthReport")
        .singleResult();
  }

  private static LocalDateTime at(int day, int hour, int minute) {
    return LocalDateTime.of(2031, 3, day, hour, minute);
  }

  private static void clock(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
  }
}
