package org.opencollab.incentive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A member's combined 360-degree score as an exact fraction, so that thresholds and ties are
 * compared exactly and never through a rounded figure (docs/money.md, "The 360-degree score").
 *
 * @param numerator never negative
 * @param denominator always positive
 */
public record Score(BigInteger numerator, BigInteger denominator) implements Comparable<Score> {

  public Score {
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("a score's denominator must be positive");
    }
  }

  public boolean isBelow(BigDecimal threshold) {
    return new BigDecimal(numerator).compareTo(threshold.multiply(new BigDecimal(denominator))) < 0;
  }

  /** The score as shown in a statement: two decimals, half-up. */
  public BigDecimal shown() {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
  }

  /** This score as an integer weight over {@code common}, a multiple of its denominator. */
  BigInteger weightOver(BigInteger common) {
    return numerator.multiply(common.divide(denominator));
  }

  @Override
  public int compareTo(Score other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }
}
