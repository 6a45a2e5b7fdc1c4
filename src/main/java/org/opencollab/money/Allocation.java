package org.opencollab.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * "Allocate X by weights" of docs/money.md: each part gets X·wᵢ/Σw rounded down to the cent; the
 * cents left over go one each to the parts with the largest dropped fraction, ties to the smaller
 * code. The parts therefore always sum exactly to X. Works on whole cents and integer weights, so
 * nothing is ever rounded twice.
 */
public final class Allocation {

  private Allocation() {}

  /**
   * @param amount a non-negative amount with at most two decimal places
   * @param weights non-negative integer weights by code, at least one of them positive
   * @return the parts, in code order, each with two decimal places
   */
  public static SortedMap<String, BigDecimal> allocate(
      BigDecimal amount, SortedMap<String, BigInteger> weights) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("cannot allocate a negative amount: " + amount);
    }
    BigInteger cents = Money.cny(amount).movePointRight(2).toBigIntegerExact();
    BigInteger total = BigInteger.ZERO;
    for (BigInteger weight : weights.values()) {
      if (weight.signum() < 0) {
        throw new IllegalArgumentException("weights must not be negative: " + weights);
      }
      total = total.add(weight);
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException("at least one weight must be positive: " + weights);
    }

    Map<String, BigInteger> floors = new LinkedHashMap<>();
    Map<String, BigInteger> droppedFractions = new LinkedHashMap<>();
    BigInteger allocated = BigInteger.ZERO;
    for (Map.Entry<String, BigInteger> part : weights.entrySet()) {
      BigInteger[] quotientAndRemainder = cents.multiply(part.getValue()).divideAndRemainder(total);
      floors.put(part.getKey(), quotientAndRemainder[0]);
      droppedFractions.put(part.getKey(), quotientAndRemainder[1]);
      allocated = allocated.add(quotientAndRemainder[0]);
    }

    // All dropped fractions share the denominator Σw, so comparing numerators compares them
    // exactly.
    List<String> byLargestFraction = new ArrayList<>(weights.keySet());
    byLargestFraction.sort(
        Comparator.<String, BigInteger>comparing(droppedFractions::get)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    int leftoverCents = cents.subtract(allocated).intValueExact();
    for (int i = 0; i < leftoverCents; i++) {
      floors.merge(byLargestFraction.get(i), BigInteger.ONE, BigInteger::add);
    }

    SortedMap<String, BigDecimal> parts = new TreeMap<>();
    floors.forEach((code, partCents) -> parts.put(code, new BigDecimal(partCents, 2)));
    return parts;
  }

  /** Allocates by decimal weights (hours, say) by scaling them to integers first. */
  public static SortedMap<String, BigDecimal> allocateByDecimals(
      BigDecimal amount, SortedMap<String, BigDecimal> weights) {
    int scale =
        weights.values().stream()
            .mapToInt(w -> Math.max(w.stripTrailingZeros().scale(), 0))
            .max()
            .orElse(0);
    SortedMap<String, BigInteger> integerWeights = new TreeMap<>();
    weights.forEach(
        (code, weight) ->
            integerWeights.put(code, weight.movePointRight(scale).toBigIntegerExact()));
    return allocate(amount, integerWeights);
  }
}
