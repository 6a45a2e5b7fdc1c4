package org.opencollab.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void exactSharesNeedNoLeftoverCents() {
    assertThat(
            Allocation.allocate(
                new BigDecimal("40000.00"), weights("SALES", 50, "TECH", 35, "DELIVERY", 15)))
        .containsExactly(
            entry("DELIVERY", "6000.00"), entry("SALES", "20000.00"), entry("TECH", "14000.00"));
  }

  @Test
  void leftoverCentGoesToTheLargestDroppedFraction() {
    // 1.00 by 1:2 → 0.333… and 0.666…: the floors are 0.33 and 0.66, B's dropped fraction is
    // larger.
    assertThat(Allocation.allocate(new BigDecimal("1.00"), weights("A", 1, "B", 2)))
        .containsExactly(entry("A", "0.33"), entry("B", "0.67"));
  }

  @Test
  void centTiesGoToTheSmallerCode() {
    // 0.10 by three equal weights: 0.03 each and one cent left, tied three ways: the smallest code
    // wins.
    assertThat(
            Allocation.allocate(
                new BigDecimal("0.10"), weights("TECH", 1, "DELIVERY", 1, "SALES", 1)))
        .containsExactly(entry("DELIVERY", "0.04"), entry("SALES", "0.03"), entry("TECH", "0.03"));
  }

  @Test
  void twoLeftoverCentsGoToTheTwoLargestFractionsThenCodeOrder() {
    // 0.05 by 1:1:1 → 0.0166… each: floors 0.01, two cents left, all tied → the two smallest codes.
    assertThat(Allocation.allocate(new BigDecimal("0.05"), weights("c", 1, "a", 1, "b", 1)))
        .containsExactly(entry("a", "0.02"), entry("b", "0.02"), entry("c", "0.01"));
  }

  @Test
  void zeroWeightPartsGetNothing() {
    assertThat(Allocation.allocate(new BigDecimal("10.01"), weights("A", 0, "B", 3)))
        .containsExactly(entry("A", "0.00"), entry("B", "10.01"));
  }

  @Test
  void zeroAmountAllocatesZeros() {
    assertThat(Allocation.allocate(BigDecimal.ZERO, weights("A", 1, "B", 1)))
        .containsExactly(entry("A", "0.00"), entry("B", "0.00"));
  }

  @Test
  void decimalWeightsAreScaledExactly() {
    SortedMap<String, BigDecimal> hours = new TreeMap<>();
    hours.put("SALES", new BigDecimal("0.5"));
    hours.put("TECH", new BigDecimal("1.25"));
    assertThat(Allocation.allocateByDecimals(new BigDecimal("7.00"), hours))
        .containsExactly(entry("SALES", "2.00"), entry("TECH", "5.00"));
  }

  @Test
  void refusesAllZeroWeightsAndNegativeAmounts() {
    assertThatThrownBy(() -> Allocation.allocate(BigDecimal.ONE, weights("A", 0)))
        .hasMessageContaining("at least one weight must be positive");
    assertThatThrownBy(() -> Allocation.allocate(new BigDecimal("-1"), weights("A", 1)))
        .hasMessageContaining("negative");
  }

  static SortedMap<String, BigInteger> weights(Object... codesAndWeights) {
    SortedMap<String, BigInteger> weights = new TreeMap<>();
    for (int i = 0; i < codesAndWeights.length; i += 2) {
      weights.put(
          (String) codesAndWeights[i], BigInteger.valueOf((Integer) codesAndWeights[i + 1]));
    }
    return weights;
  }

  private static java.util.Map.Entry<String, BigDecimal> entry(String code, String amount) {
    return java.util.Map.entry(code, new BigDecimal(amount));
  }
}
