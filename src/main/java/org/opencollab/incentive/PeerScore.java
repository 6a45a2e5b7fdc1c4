package org.opencollab.incentive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A member's peer score from the 360-degree evaluation (360度评估): the mean of the ratings received,
 * after dropping one highest and one lowest when there are four or more. Kept as an exact fraction
 * (sum / count) so that thresholds and ties are compared exactly, never through a rounded mean. The
 * ratings received are kept from lowest to highest: the statement shows them, and nobody may tell
 * from it who gave which (the ratings are confidential, docs/operators.md).
 */
public record PeerScore(List<Integer> ratingsReceived, long scoredSum, int scoredCount)
    implements Comparable<PeerScore> {

  static final int TRIM_FROM = 4;

  public static PeerScore of(List<Integer> ratingsReceived) {
    if (ratingsReceived.isEmpty()) {
      throw new IllegalArgumentException("a peer score needs at least one rating");
    }
    List<Integer> scored = new ArrayList<>(ratingsReceived);
    if (scored.size() >= TRIM_FROM) {
      Collections.sort(scored);
      scored = scored.subList(1, scored.size() - 1);
    }
    long sum = scored.stream().mapToLong(Integer::longValue).sum();
    List<Integer> lowestFirst = new ArrayList<>(ratingsReceived);
    Collections.sort(lowestFirst);
    return new PeerScore(List.copyOf(lowestFirst), sum, scored.size());
  }

  public boolean isBelow(BigDecimal threshold) {
    return BigDecimal.valueOf(scoredSum)
            .compareTo(threshold.multiply(BigDecimal.valueOf(scoredCount)))
        < 0;
  }

  /** The score as shown in the statement: two decimals, half-up. */
  public BigDecimal shown() {
    return BigDecimal.valueOf(scoredSum)
        .divide(BigDecimal.valueOf(scoredCount), 2, RoundingMode.HALF_UP);
  }

  /** This score as an integer weight over the common denominator {@code denominator}. */
  BigInteger weightOver(BigInteger denominator) {
    return BigInteger.valueOf(scoredSum)
        .multiply(denominator.divide(BigInteger.valueOf(scoredCount)));
  }

  @Override
  public int compareTo(PeerScore other) {
    return BigInteger.valueOf(scoredSum)
        .multiply(BigInteger.valueOf(other.scoredCount))
        .compareTo(BigInteger.valueOf(other.scoredSum).multiply(BigInteger.valueOf(scoredCount)));
  }
}
