package org.opencollab.trust.doors;

import java.util.List;

/**
 * One door into the engine: the engine commands it stands at and what it checks before they run. A
 * door is found by its command's type ({@link Doors}); adding a door is adding a class.
 *
 * @param <C> the commands it stands at, as its {@link #guard} reads them
 */
public interface Door<C> {

  /**
   * The engine command types this door stands at, with their subclasses unless another door names a
   * nearer one.
   */
  List<Class<?>> commands();

  /**
   * Refuses at once what {@code command} shows by itself, and returns what must be checked inside
   * its context before it runs.
   *
   * @param command the command as the caller sent it, whose arguments decide
   * @param caller who sends it; null when nobody is authenticated, as in the engine's own Java API
   */
  Check guard(C command, Caller caller);

  /**
   * Whether a person's run of the command is run again when it collides with another ({@code
   * ConflictRetry}): their own completion, submission or claim.
   */
  default boolean retried() {
    return false;
  }

  /** The task {@code command} works on, whose end while it runs makes it run again; or null. */
  default String taskOf(C command) {
    return null;
  }
}
