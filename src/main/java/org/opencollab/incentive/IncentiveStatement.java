package org.opencollab.incentive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The incentive statement of docs/money.md, stored as the Json variable {@code incentiveStatement}.
 * Invariants: Σ pool = bonusPool; Σ kpiCredit = realizedRevenue; Σ bonus + unallocated = bonusPool.
 *
 * <p>Read back (the ledger), it leaves out what the stored statement adds beside the money: the
 * departments' {@code commitments} set against their input.
 */
@JsonIgnoreProperties("commitments")
public record IncentiveStatement(
    String opportunityId,
    BigDecimal realizedRevenue,
    BigDecimal poolRate,
    BigDecimal bonusPool,
    BigDecimal unallocated,
    List<DepartmentLine> departments,
    List<MemberLine> members) {

  /** A department's KPI credit (收益按比例计入各方考核) and its part of the bonus pool. */
  public record DepartmentLine(
      String department, int sharePercent, BigDecimal kpiCredit, BigDecimal pool) {}

  /**
   * A member's peer score and 360-degree score, bonus, collaboration-star award and the support
   * given to other departments; {@code promotionPoints} = star points + {@code supportPoints}.
   */
  public record MemberLine(
      String userId,
      String department,
      BigDecimal peerScore,
      List<Integer> ratingsReceived,
      BigDecimal score,
      boolean freeRider,
      BigDecimal bonus,
      boolean collaborationStar,
      List<String> supportedDepartments,
      int supportPoints,
      int promotionPoints) {}
}
