package org.opencollab.trust;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.opencollab.trust.doors.Caller;
import org.opencollab.trust.doors.ConfidentialDoors;
import org.opencollab.trust.doors.Doors;

/**
 * Stands in front of every engine command that comes from outside: REST, the webapps' own API that
 * Tasklist and Cockpit use, and the Java API alike, since all of them end in the same commands. It
 * looks only at the outermost command of a thread; a command that a delegate or listener runs
 * inside another one is the process acting, and passes.
 *
 * <p>Each command meets its door ({@link Doors}, one class per kind of command in {@code
 * org.opencollab.trust.doors}): expressions in queries, filters on confidential values, completions
 * that carry other variables than the step's fields, the task doors a worker may not use, and the
 * doors that skip the model's steps, which are for process owners and administrators. Confidential
 * values are left out of every answer ({@link ConfidentialDoors}).
 *
 * <p>Two people finishing parallel tasks of one opportunity at the same instant collide in the
 * engine's optimistic locking; {@link ConflictRetry} runs the loser's completion again, so both
 * succeed.
 */
public class DoorGuard extends CommandInterceptor {

  private final Doors doors;
  private final ConfidentialDoors confidential;
  private final ProcessEngineConfigurationImpl configuration;

  public DoorGuard(
      Doors doors, ConfidentialDoors confidential, ProcessEngineConfigurationImpl configuration) {
    this.doors = doors;
    this.confidential = confidential;
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    Caller caller = Caller.of(configuration.getIdentityService().getCurrentAuthentication());
    Doors.Entry<T> entry = doors.enter(command, caller);
    Command<T> guarded = entry.guarded();
    if (!ConflictRetry.applies(entry.retried())) {
      return confidential.withoutConfidential(next.execute(guarded), caller);
    }
    String taskId = entry.task().get();
    return ConflictRetry.run(
        () -> confidential.withoutConfidential(next.execute(guarded), caller),
        () ->
            taskId != null
                && next.execute(context -> context.getTaskManager().findTaskById(taskId) == null));
  }
}
