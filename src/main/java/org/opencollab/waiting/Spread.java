package org.opencollab.waiting;

import java.util.Arrays;

/**
 * How many durations there are, their median and their 90th percentile, in milliseconds. The median
 * of an even count is the mean of the two middle values, rounded down to the millisecond; the 90th
 * percentile is the nearest rank, the ⌈0.9·n⌉-th smallest. Both are null when there is no value.
 */
public record Spread(int count, Long medianMillis, Long p90Millis) {

  static final Spread NONE = new Spread(0, null, null);

  /** The spread of {@code millis} (the array is sorted in place). */
  static Spread of(long[] millis) {
    int n = millis.length;
    if (n == 0) {
      return NONE;
    }
    Arrays.sort(millis);
    long median = n % 2 == 1 ? millis[n / 2] : Math.floorDiv(millis[n / 2 - 1] + millis[n / 2], 2);
    int rank = (9 * n + 9) / 10;
    return new Spread(n, median, millis[rank - 1]);
  }
}
