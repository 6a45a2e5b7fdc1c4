package org.opencollab.identity;

import java.util.Arrays;
import java.util.Locale;

/**
 * The departments that work an opportunity together (docs/employees.md, "Who may do what"). Each
 * has a Camunda group whose id is its code in lower case.
 */
public enum Department {
  SALES,
  TECH,
  MARKETING,
  DELIVERY,
  OPERATIONS;

  public String groupId() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static boolean isCode(String code) {
    return Arrays.stream(values()).anyMatch(department -> department.name().equals(code));
  }
}
