package org.opencollab.trust.doors;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an engine command carries; the only reflection of the doors. Camunda's commands keep
 * their arguments in protected fields and offer no getters (in 7.24 none of the commands the doors
 * read has one, nor a user's new password), and a door must see them before the command runs: the
 * task a claim is for, the variables a completion writes. Catching them at the service API instead
 * would mean wrapping every engine service that REST, the webapps and the Java API reach, and would
 * still miss a command a webapp plugin runs itself; the interceptor sees every command. Where
 * Camunda offers a public accessor (a form command's {@code resourceId}, a builder's variables) the
 * doors use it instead.
 *
 * <p>The sweeps and the doors' tests run against the commands of the Camunda version the product
 * ships, so an upgrade that renames a field fails the build rather than opening a door.
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

  static String taskId(Object command) {
    return read(command, "taskId", String.class);
  }

  static String userId(Object command) {
    return read(command, "userId", String.class);
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
