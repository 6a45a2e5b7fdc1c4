package org.opencollab.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** CNY amounts: exact decimals with two places (docs/money.md). */
public final class Money {

  public static final BigDecimal ZERO = new BigDecimal("0.00");

  private Money() {}

  /**
   * The amount with exactly two decimal places.
   *
   * @throws ArithmeticException when the amount has fractions of a cent
   */
  public static BigDecimal cny(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The amount rounded half-up to the cent, for products such as revenue × rate. */
  public static BigDecimal roundToCent(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
