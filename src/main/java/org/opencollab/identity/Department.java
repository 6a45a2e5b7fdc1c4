package org.opencollab.identity;

import java.util.Arrays;
import java.util.Locale;

/**
 * The departments that work an opportunity together (docs/employees.md, "Who may do what"). Each
 * has a Camunda group whose id is its code in lower case.
 */
public enum Department {
  SALES("Sales", "销售部"),
  TECH("Technical", "技术部"),
  MARKETING("Marketing", "市场部"),
  DELIVERY("Delivery", "交付部"),
  OPERATIONS("Operations", "运营部");

  private final String english;
  private final String chinese;

  Department(String english, String chinese) {
    this.english = english;
    this.chinese = chinese;
  }

  /** The department as a person reads it in both languages: {@code "Sales / 销售部"}. */
  public String label() {
    return english + " / " + chinese;
  }

  /** {@link #label()} of the department with this code, or the code itself when it is none. */
  public static String labelOf(String code) {
    return isCode(code) ? valueOf(code).label() : code;
  }

  public String groupId() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static boolean isCode(String code) {
    return Arrays.stream(values()).anyMatch(department -> department.name().equals(code));
  }
}
