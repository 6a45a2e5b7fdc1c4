package org.opencollab.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencollab.ledger.LedgerTotals.DepartmentEntry;
import org.opencollab.ledger.LedgerTotals.DepartmentTotal;
import org.opencollab.ledger.LedgerTotals.MonthTotal;
import org.opencollab.ledger.LedgerTotals.PersonEntry;
import org.opencollab.ledger.LedgerTotals.PersonTotal;
import org.opencollab.ledger.LedgerTotals.RankedPerson;

/**
 * The ledger's sums over entries already read: per month, per department and per person, exact to
 * the cent, and the people's places. Plain arithmetic, tested without a database. Months are added
 * up here rather than in SQL: the month of a {@code timestamp} is spelled differently in H2 and
 * PostgreSQL, and adding exact decimals in Java gives the same cents as the database's sums.
 */
final class LedgerSums {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private LedgerSums() {}

  /** The lines added up per month (in {@code zone}) and department. */
  static List<MonthTotal> byMonth(List<DepartmentEntry> lines, ZoneId zone) {
    Map<String, Map<String, List<DepartmentEntry>>> months = new TreeMap<>();
    for (DepartmentEntry line : lines) {
      String month = YearMonth.from(line.recorded().atZone(zone)).toString();
      months
          .computeIfAbsent(month, key -> new TreeMap<>())
          .computeIfAbsent(line.department(), key -> new ArrayList<>())
          .add(line);
    }
    List<MonthTotal> totals = new ArrayList<>();
    months.forEach(
        (month, departments) ->
            departments.forEach(
                (department, entries) -> {
                  DepartmentTotal sum = departmentTotal(department, entries);
                  totals.add(
                      new MonthTotal(
                          month,
                          department,
                          sum.kpiCredit(),
                          sum.pool(),
                          sum.loss(),
                          sum.incentiveStatements(),
                          sum.lossStatements()));
                }));
    return totals;
  }

  /** What {@link #departments} shows for the lines' department, added up from the lines. */
  static DepartmentTotal departmentTotal(String department, List<DepartmentEntry> lines) {
    BigDecimal kpiCredit = ZERO;
    BigDecimal pool = ZERO;
    BigDecimal loss = ZERO;
    int incentives = 0;
    int losses = 0;
    for (DepartmentEntry line : lines) {
      kpiCredit = kpiCredit.add(line.kpiCredit());
      pool = pool.add(line.pool());
      loss = loss.add(line.loss());
      incentives += Ledger.INCENTIVE.equals(line.kind()) ? 1 : 0;
      losses += Ledger.LOSS.equals(line.kind()) ? 1 : 0;
    }
    return new DepartmentTotal(department, incentives, losses, kpiCredit, pool, loss);
  }

  /**
   * What {@link #people} shows for the person, added up from their lines; {@code department} is
   * null when the lines are in more than one department.
   */
  static PersonTotal personTotal(String userId, String department, List<PersonEntry> lines) {
    BigDecimal bonus = ZERO;
    int stars = 0;
    int points = 0;
    int freeRider = 0;
    for (PersonEntry line : lines) {
      bonus = bonus.add(line.bonus());
      stars += line.star() ? 1 : 0;
      points += line.promotionPoints();
      freeRider += line.freeRider() ? 1 : 0;
    }
    if (department == null
        && !lines.isEmpty()
        && lines.stream().allMatch(line -> line.department().equals(lines.get(0).department()))) {
      department = lines.get(0).department();
    }
    return new PersonTotal(userId, department, lines.size(), bonus, stars, points, freeRider);
  }

  /**
   * Each row's place, most bonus first, then most promotion points, then most stars; rows equal in
   * all three share a place and the next place is skipped (1, 2, 2, 4). The rows keep their order.
   */
  static List<RankedPerson> ranked(List<PersonTotal> rows) {
    Comparator<PersonTotal> better =
        Comparator.comparing(PersonTotal::bonus)
            .thenComparingInt(PersonTotal::promotionPoints)
            .thenComparingInt(PersonTotal::stars)
            .reversed();
    List<PersonTotal> best = rows.stream().sorted(better).toList();
    Map<PersonTotal, Integer> places = new IdentityHashMap<>();
    for (int i = 0; i < best.size(); i++) {
      PersonTotal row = best.get(i);
      boolean tied = i > 0 && better.compare(best.get(i - 1), row) == 0;
      places.put(row, tied ? places.get(best.get(i - 1)) : i + 1);
    }
    return rows.stream().map(row -> new RankedPerson(places.get(row), row)).toList();
  }
}
