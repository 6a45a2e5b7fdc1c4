package org.opencollab.incentive;

import java.math.BigDecimal;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * The outputs of DMN {@code incentivePolicy}: process owners set them there, not in Java.
 *
 * @param peerWeight the peers' weight in the 360-degree score, more than 0
 * @param sponsorWeight the executive sponsor's weight, 0 or more
 * @param coordinatorWeight the coordinator's weight, 0 or more
 * @param supportThreshold the average rating from another department's peers at or above which a
 *     member supported that department; null in a policy from before support was assessed
 * @param supportPromotionPoints promotion points per department supported
 */
public record IncentivePolicy(
    BigDecimal poolRate,
    BigDecimal freeRiderThreshold,
    BigDecimal starThreshold,
    int starPromotionPoints,
    BigDecimal peerWeight,
    BigDecimal sponsorWeight,
    BigDecimal coordinatorWeight,
    BigDecimal supportThreshold,
    int supportPromotionPoints) {

  /**
   * A policy of a decision version before the 360-degree outputs: peers alone score, and support
   * earns no points. Opportunities pinned to such a version settle as they always did.
   */
  public IncentivePolicy(
      BigDecimal poolRate,
      BigDecimal freeRiderThreshold,
      BigDecimal starThreshold,
      int starPromotionPoints) {
    this(
        poolRate,
        freeRiderThreshold,
        starThreshold,
        starPromotionPoints,
        BigDecimal.ONE,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        0);
  }

  /** Checks the ranges docs/money.md gives; names {@code incentivePolicy} and the output. */
  void validate() {
    String name = "incentivePolicy";
    if (poolRate.signum() < 0 || poolRate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidVariableException(
          name, new Rule("poolRate must be from 0 to 1", "poolRate 必须在 0 到 1 之间").got(poolRate));
    }
    if (starPromotionPoints < 0) {
      throw new InvalidVariableException(
          name, Rule.zeroOrMore().about("starPromotionPoints").got(starPromotionPoints));
    }
    if (supportPromotionPoints < 0) {
      throw new InvalidVariableException(
          name, Rule.zeroOrMore().about("supportPromotionPoints").got(supportPromotionPoints));
    }
    if (peerWeight.signum() <= 0) {
      throw new InvalidVariableException(
          name, new Rule("peerWeight must be more than 0", "peerWeight 必须大于 0").got(peerWeight));
    }
    if (sponsorWeight.signum() < 0) {
      throw new InvalidVariableException(
          name, Rule.zeroOrMore().about("sponsorWeight").got(sponsorWeight));
    }
    if (coordinatorWeight.signum() < 0) {
      throw new InvalidVariableException(
          name, Rule.zeroOrMore().about("coordinatorWeight").got(coordinatorWeight));
    }
  }
}
