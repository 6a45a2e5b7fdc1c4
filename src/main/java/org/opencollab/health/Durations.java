package org.opencollab.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Durations in milliseconds, gathered one by one into a growing array of longs (eight bytes each),
 * for exact medians and 90th percentiles. The median of an even count is the mean of the two middle
 * values; the 90th percentile is the nearest rank, the ⌈0.9·n⌉-th smallest.
 */
final class Durations {

  private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

  private long[] values = new long[16];
  private int size;
  private boolean sorted = true;

  void add(long millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = millis;
    sorted = false;
  }

  int count() {
    return size;
  }

  int countAtMost(long millis) {
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] <= millis) {
        count++;
      }
    }
    return count;
  }

  /** The median in hours, one decimal; null when there is no value. */
  BigDecimal medianHours() {
    if (size == 0) {
      return null;
    }
    sort();
    BigDecimal middle =
        size % 2 == 1
            ? BigDecimal.valueOf(values[size / 2])
            : BigDecimal.valueOf(values[size / 2 - 1])
                .add(BigDecimal.valueOf(values[size / 2]))
                .divide(BigDecimal.valueOf(2));
    return hours(middle);
  }

  /** The 90th percentile in hours, one decimal; null when there is no value. */
  BigDecimal p90Hours() {
    if (size == 0) {
      return null;
    }
    sort();
    int rank = (int) Math.ceil(size * 0.9);
    return hours(BigDecimal.valueOf(values[rank - 1]));
  }

  static BigDecimal hours(BigDecimal millis) {
    return millis.divide(MILLIS_PER_HOUR, 1, RoundingMode.HALF_UP);
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
  }
}
