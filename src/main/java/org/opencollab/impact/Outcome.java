package org.opencollab.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one evaluation of a decision gave: one entry per matched rule (a FIRST table has at most
 * one), each its outputs by name. Two outcomes are the same when they have the same entries in the
 * same order, outputs without a value left out and numbers compared by value ({@code 0.03} as
 * recorded equals {@code 0.030} as evaluated).
 */
public record Outcome(List<Map<String, Object>> entries) {

  public Outcome {
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      Map<String, Object> values = new LinkedHashMap<>();
      entry.forEach(
          (name, value) -> {
            if (value != null) {
              values.put(name, value);
            }
          });
      kept.add(Collections.unmodifiableMap(values));
    }
    entries = List.copyOf(kept);
  }

  /** No rule matched. */
  public static Outcome none() {
    return new Outcome(List.of());
  }

  public boolean sameAs(Outcome other) {
    if (entries.size() != other.entries.size()) {
      return false;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!sameEntry(entries.get(i), other.entries.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * As the answer shows it: the single entry of a table that gives one result (or {@code null} when
   * none matched), else the list of entries.
   */
  public Object shown(boolean singleResult) {
    if (singleResult && entries.size() <= 1) {
      return entries.isEmpty() ? null : entries.get(0);
    }
    return entries;
  }

  private static boolean sameEntry(Map<String, Object> a, Map<String, Object> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.keySet().stream().allMatch(name -> sameValue(a.get(name), b.get(name)));
  }

  static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && finite(x) && finite(y)) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static boolean finite(Number number) {
    return !(number instanceof Double d && !Double.isFinite(d))
        && !(number instanceof Float f && !Float.isFinite(f));
  }

  private static BigDecimal decimal(Number number) {
    return number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
  }
}
