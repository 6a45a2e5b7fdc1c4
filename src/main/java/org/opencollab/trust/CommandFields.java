package org.opencollab.trust;

import java.lang.reflect.Field;

/**
 * Reads what an engine command carries. Camunda's commands keep their arguments in protected fields
 * and offer no getters; the guard needs to see them before the command runs. Tested against the
 * commands of the Camunda version the product ships ({@code DoorGuardTest}), so an upgrade that
 * renames a field fails the build rather than opening a door.
 */
final class CommandFields {

  private CommandFields() {
  }

  static <T> T read(Object command, String name, Class<T> type) {
    for (Class<?> type0 = command.getClass(); type0 != null; type0 = type0.getSuperclass()) {
      try {
        Field field = type0.getDeclaredField(name);
        field.setAccessible(true);
        return type.cast(field.get(command));
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + "; this Camunda version is not the one the guard was written for");
  }
}
