package org.opencollab.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

  /**
   * The outputs whose values differ between this outcome and {@code other}, entry by entry, in the
   * order of {@code names} (the table's output columns).
   */
  public List<String> differingOutputs(Outcome other, List<String> names) {
    Set<String> differing = new HashSet<>();
    for (int i = 0; i < Math.max(entries.size(), other.entries.size()); i++) {
      Map<String, Object> a = i < entries.size() ? entries.get(i) : Map.of();
      Map<String, Object> b = i < other.entries.size() ? other.entries.get(i) : Map.of();
      Set<String> both = new HashSet<>(a.keySet());
      both.addAll(b.keySet());
      both.stream().filter(name -> !sameValue(a.get(name), b.get(name))).forEach(differing::add);
    }
    List<String> ordered = new ArrayList<>();
    names.stream().filter(differing::contains).forEach(ordered::add);
    differing.stream().filter(name -> !names.contains(name)).sorted().forEach(ordered::add);
    return ordered;
  }

  /** The same outcome, each entry's outputs in the order of {@code names}, others after them. */
  public Outcome ordered(List<String> names) {
    List<Map<String, Object>> sorted = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      Map<String, Object> values = new LinkedHashMap<>();
      names.stream().filter(entry::containsKey).forEach(name -> values.put(name, entry.get(name)));
      entry.forEach(values::putIfAbsent);
      sorted.add(values);
    }
    return new Outcome(sorted);
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
