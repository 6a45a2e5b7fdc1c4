package org.opencollab.trust.doors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /** {@code command}, refused now or with the check of its door run first. */
  public <T> Command<T> guard(Command<T> command, Caller caller) {
    Check check = doorOf(command).map(door -> guard(door, command, caller)).orElse(Check.NONE);
    return check == Check.NONE ? command : checkedFirst(command, check);
  }

  /** Whether {@code command} runs again when it collides with another. */
  public boolean retried(Command<?> command) {
    return doorOf(command).map(Door::retried).orElse(false);
  }

  /** The task {@code command} works on, for running it again; or null. */
  public String taskOf(Command<?> command) {
    return doorOf(command).map(door -> taskOf(door, command)).orElse(null);
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
