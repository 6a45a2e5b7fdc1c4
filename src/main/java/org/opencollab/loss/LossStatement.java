package org.opencollab.loss;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The loss statement of docs/money.md, stored as the Json variable {@code lossStatement}.
 * Invariant: Σ loss = lossAmount.
 *
 * @param basis {@code INPUT_HOURS}, or {@code SHARES} when no department reported any hours
 * @param members the team's 360-degree scores, free riders and support given; empty when the
 *     opportunity's model version rated nobody on a loss
 *     <p>Read back (the ledger), it leaves out what the stored statement adds beside the money: the
 *     departments' {@code commitments} set against their input.
 */
@JsonIgnoreProperties("commitments")
public record LossStatement(
    String opportunityId,
    BigDecimal lossAmount,
    String basis,
    List<DepartmentLoss> departments,
    List<MemberLine> members) {

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

  /**
   * A member's ratings on a loss: no bonus and no star, but the free-rider flag (搭便车) and the
   * promotion points for support given to other departments (主动支持其他部门), which the ledger records.
   */
  public record MemberLine(
      String userId,
      String department,
      BigDecimal peerScore,
      List<Integer> ratingsReceived,
      BigDecimal score,
      boolean freeRider,
      List<String> supportedDepartments,
      int supportPoints,
      int promotionPoints) {}
}
