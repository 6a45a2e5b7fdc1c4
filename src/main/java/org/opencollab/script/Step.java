package org.opencollab.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One completion of a user task: its key, the demo user who completes it, and what they enter.
 * {@code group} names which of several open tasks of that key is meant (the department's group of a
 * per-department task), null when the task is the only one of its key or its assignee is {@code
 * user}.
 */
public record Step(String taskKey, String user, String group, Map<String, Object> variables) {

  public Step {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** A step from name-value pairs, in the order given. */
  public static Step of(String taskKey, String user, Object... namesAndValues) {
    return new Step(taskKey, user, null, pairs(namesAndValues));
  }

  /** The same step on the task of {@code group}. */
  public Step inGroup(String group) {
    return new Step(taskKey, user, group, variables);
  }

  /** The same step done by {@code user}. */
  public Step by(String user) {
    return new Step(taskKey, user, group, variables);
  }

  /** The same step with these values added, or replacing those of the same name. */
  public Step with(Object... namesAndValues) {
    Map<String, Object> more = new LinkedHashMap<>(variables);
    more.putAll(pairs(namesAndValues));
    return new Step(taskKey, user, group, more);
  }

  static Map<String, Object> pairs(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }
}
