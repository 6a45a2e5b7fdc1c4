package org.opencollab.trust.doors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The doors by the command types they stand at. A command meets the door of its own type or of its
 * nearest superclass that has one; a command no door names passes unchecked. Two doors naming the
 * same type are refused when the engine starts, so a door cannot be shadowed unnoticed.
 */
public final class Doors {

  private final Map<Class<?>, Door<?>> byCommand = new HashMap<>();
  private final Map<Class<?>, Optional<Door<?>>> found = new ConcurrentHashMap<>();

  public Doors(List<Door<?>> doors) {
    for (Door<?> door : doors) {
      for (Class<?> command : door.commands()) {
        Door<?> other = byCommand.put(command, door);
        if (other != null) {
          throw new IllegalStateException(
              command.getName()
                  + " has two doors: "
                  + other.getClass().getSimpleName()
                  + " and "
                  + door.getClass().getSimpleName());
        }
      }
    }
  }

  /**
   * A command at its door, found once: the command to run (with its door's check first), whether a
   * person's run of it runs again when it collides with another, and the task it works on.
   */
  public record Entry<T>(Command<T> guarded, boolean retried, Supplier<String> task) {}

  /** {@code command} at its door: refused now, or with the check of its door to run first. */
  public <T> Entry<T> enter(Command<T> command, Caller caller) {
    Optional<Door<?>> found = doorOf(command);
    if (found.isEmpty()) {
      return new Entry<>(command, false, () -> null);
    }
    Door<?> door = found.get();
    Check check = guard(door, command, caller);
    return new Entry<>(
        check == Check.NONE ? command : checkedFirst(command, check),
        door.retried(),
        () -> taskOf(door, command));
  }

  /** {@code command}, refused now or with the check of its door run first. */
  public <T> Command<T> guard(Command<T> command, Caller caller) {
    return enter(command, caller).guarded();
  }

  @SuppressWarnings("unchecked")
  private static <C> Check guard(Door<C> door, Command<?> command, Caller caller) {
    return door.guard((C) command, caller);
  }

  /** {@code command} with {@code check} first, in its context; authorization on again after it. */
  private static <T> Command<T> checkedFirst(Command<T> command, Check check) {
    return context -> {
      boolean authorizing = context.isAuthorizationCheckEnabled();
      try {
        check.check(context);
        return command.execute(context);
      } finally {
        if (authorizing) {
          context.enableAuthorizationCheck();
        }
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <C> String taskOf(Door<C> door, Command<?> command) {
    return door.taskOf((C) command);
  }

  private Optional<Door<?>> doorOf(Command<?> command) {
    return found.computeIfAbsent(command.getClass(), this::nearest);
  }

  private Optional<Door<?>> nearest(Class<?> commandType) {
    for (Class<?> type = commandType; type != null; type = type.getSuperclass()) {
      Door<?> door = byCommand.get(type);
      if (door != null) {
        return Optional.of(door);
      }
    }
    return Optional.empty();
  }
}
