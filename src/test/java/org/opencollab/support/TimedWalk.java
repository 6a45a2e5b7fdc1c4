package org.opencollab.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.script.EngineSteps;
import org.opencollab.script.Step;
import org.opencollab.script.WorkedOpportunity;

/**
 * Works opportunities through the worked example on the engine's clock, so that their tasks wait
 * and are worked for hours and days, as in life: each task waits before its performer claims it
 * (unless the model assigned it) and is worked a while before it is completed, both drawn from a
 * seeded {@link Random}, longer for some steps than for others. Moves {@link ClockUtil}, which is
 * the whole engine's: one walk at a time, with the job executor off; the clock stays where the last
 * walk left it until {@link #reset}.
 */
public final class TimedWalk {

  private final ProcessEngine engine;
  private final EngineSteps steps;
  private final OpportunityDriver driver;
  private final Random random;
  private Instant now;

  public TimedWalk(ProcessEngine engine, Instant start, long seed) {
    this.engine = engine;
    this.steps = EngineSteps.asThePerformers(engine);
    this.driver = new OpportunityDriver(engine);
    this.random = new Random(seed);
    this.now = start;
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** A new opportunity, won and delivered, its incentives approved; its id. */
  public String deliver() {
    return walk(WorkedOpportunity.delivered());
  }

  /** A new opportunity, lost in negotiation, its loss shared and its retrospective held. */
  public String lose() {
    return walk(WorkedOpportunity.lost());
  }

  /** A new opportunity, disqualified by its account manager. */
  public String disqualify() {
    return walk(
        List.of(
            Step.of(
                "QualifyOpportunity",
                WorkedOpportunity.ACCOUNT_MANAGER_USER,
                "qualified",
                false,
                "qualificationNotes",
                "No budget this year")));
  }

  /** The clock moved on by {@code by}, between opportunities. */
  public void pass(Duration by) {
    advance(by.toMillis());
  }

  public static void reset() {
    ClockUtil.reset();
  }

  private String walk(List<Step> script) {
    String id = OpportunityDriver.newOpportunityId();
    driver.start(OpportunityDriver.keyAccount(id));
    for (Step step : script) {
      Task task = steps.awaitTask(id, step);
      long scale = Math.floorMod(step.taskKey().hashCode(), 6) + 1;
      if (task.getAssignee() == null) {
        advance(minutes(scale * 90));
        engine.getTaskService().claim(task.getId(), step.user());
      }
      advance(minutes((7 - scale) * 40));
      // Completed here, not by the steps: a claimed task no longer answers its group's query.
      complete(task, step);
    }
    driver.runJobs(id);
    return id;
  }

  /** Completes {@code task} as the step's performer, with what the step enters. */
  private void complete(Task task, Step step) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(step.user()).list().stream()
            .map(Group::getId)
            .toList();
    identity.setAuthentication(step.user(), groups);
    try {
      engine.getTaskService().complete(task.getId(), EngineSteps.variables(step.variables()));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Somewhere between half and one and a half times {@code typical} minutes, in milliseconds. */
  private long minutes(long typical) {
    return Duration.ofMinutes(typical).toMillis() / 2
        + (long) (random.nextDouble() * Duration.ofMinutes(typical).toMillis());
  }

  private void advance(long millis) {
    now = now.plusMillis(millis);
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
