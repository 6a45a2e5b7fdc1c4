package org.opencollab.loss;

import java.math.BigDecimal;
import java.util.List;

/**
 * The loss statement of docs/money.md, stored as the Json variable {@code lossStatement}.
 * Invariant: Σ loss = lossAmount.
 *
 * @param basis {@code INPUT_HOURS}, or {@code SHARES} when no department reported any hours
 */
public record LossStatement(
    String opportunityId, BigDecimal lossAmount, String basis, List<DepartmentLoss> departments) {

  public static final String BASIS_INPUT_HOURS = "INPUT_HOURS";
  public static final String BASIS_SHARES = "SHARES";

  /**
   * @param share the department's part of the basis, in percent with two decimals
   */
  public record DepartmentLoss(
      String department,
      BigDecimal inputHours,
      BigDecimal inputCost,
      BigDecimal share,
      BigDecimal loss) {}
}
