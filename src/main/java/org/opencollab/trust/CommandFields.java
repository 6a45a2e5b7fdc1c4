package org.opencollab.trust;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an engine command carries. Camunda's commands keep their arguments in protected fields
 * and offer no getters; the guard needs to see them before the command runs. The sweeps and the
 * guard's tests run against the commands of the Camunda version the product ships, so an upgrade
 * that renames a field fails the build rather than opening a door.
 */
final class CommandFields {

  /** The fields found so far, by class and name: the lookup runs once per command type. */
  private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  static <T> T read(Object command, String name, Class<T> type) {
    Field field =
        FIELDS
            .computeIfAbsent(command.getClass(), key -> new ConcurrentHashMap<>())
            .computeIfAbsent(name, key -> find(command.getClass(), key));
    try {
      return type.cast(field.get(command));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> commandType, String name) {
    for (Class<?> type = commandType; type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          field.setAccessible(true);
          return field;
        }
      }
    }
    throw new IllegalStateException(
        commandType.getName()
            + " has no field "
            + name
            + "; this Camunda version is not the one the guard was written for");
  }
}
