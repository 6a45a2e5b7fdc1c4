package org.opencollab.opportunity;

import java.util.Map;
import org.opencollab.identity.Department;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * The rule for a collaboration agreement's shares (协作协议), used for {@code departmentShares} and a
 * ruling's {@code adjustedShares}: department codes, integer percentages of at least 1, summing to
 * 100.
 */
public final class DepartmentShares {

  public static final int TOTAL_PERCENT = 100;

  private DepartmentShares() {}

  public static void validate(String variable, Map<String, Integer> shares) {
    if (shares.isEmpty()) {
      throw new InvalidVariableException(variable, "needs at least one department", "至少需要一个部门");
    }
    int sum = 0;
    for (Map.Entry<String, Integer> share : shares.entrySet()) {
      if (!Department.isCode(share.getKey())) {
        throw new InvalidVariableException(
            variable, "unknown department " + share.getKey(), "部门 " + share.getKey() + " 不存在");
      }
      if (share.getValue() == null || share.getValue() < 1) {
        throw new InvalidVariableException(
            variable,
            new Rule(
                    "the share of "
                        + share.getKey()
                        + " must be an integer percentage of at least 1",
                    share.getKey() + " 的份额必须是不小于 1 的整数百分比")
                .got(share.getValue()));
      }
      sum += share.getValue();
    }
    if (sum != TOTAL_PERCENT) {
      throw new InvalidVariableException(
          variable, new Rule("shares must sum to 100", "份额之和必须为 100").got(sum));
    }
  }
}
