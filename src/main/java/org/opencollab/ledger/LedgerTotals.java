package org.opencollab.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds up the ledger over a period of its entries' recording time: per department the KPI credits,
 * bonus pools and losses; per person the bonuses, stars, promotion points and free-rider flags.
 * Sums are exact decimals, done by the database over {@code decimal(19,2)} columns; amounts are
 * written as strings such as {@code "14000.00"}, as in the statements.
 *
 * <p>Also the entries that make up a figure (the drill-down an auditor follows from a total to its
 * statements), their sums, and the departments' figures per month. Months are added up here rather
 * than in SQL: the month of a {@code timestamp} is spelled differently in H2 and PostgreSQL, and
 * adding exact decimals in Java gives the same cents.
 */
@Component
public class LedgerTotals {

  /** A department's totals over the period. */
  @JsonPropertyOrder({
    "department",
    "incentiveStatements",
    "lossStatements",
    "kpiCredit",
    "pool",
    "loss"
  })
  public record DepartmentTotal(
      String department,
      int incentiveStatements,
      int lossStatements,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal kpiCredit,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pool,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal loss) {}

  /** A person's totals over the period, in one department. */
  @JsonPropertyOrder({
    "userId",
    "department",
    "statements",
    "bonus",
    "stars",
    "promotionPoints",
    "freeRiderFlags"
  })
  public record PersonTotal(
      String userId,
      String department,
      int statements,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bonus,
      int stars,
      int promotionPoints,
      int freeRiderFlags) {}

  /** A department's figures per month, the month in server time ({@code "2026-11"}). */
  @JsonPropertyOrder({
    "month",
    "department",
    "kpiCredit",
    "pool",
    "loss",
    "incentiveStatements",
    "lossStatements"
  })
  public record MonthTotal(
      String month,
      String department,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal kpiCredit,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pool,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal loss,
      int incentiveStatements,
      int lossStatements) {}

  /** A person's totals with their place among everyone's: 1 for the most bonus. */
  public record RankedPerson(int rank, @JsonUnwrapped PersonTotal person) {}

  /** One department's line of one entry: what that statement gave the department. */
  @JsonPropertyOrder({
    "opportunityId",
    "kind",
    "recorded",
    "department",
    "kpiCredit",
    "pool",
    "loss"
  })
  public record DepartmentEntry(
      String opportunityId,
      String kind,
      Instant recorded,
      String department,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal kpiCredit,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pool,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal loss) {}

  /** One person's line of one incentive entry. */
  @JsonPropertyOrder({
    "opportunityId",
    "kind",
    "recorded",
    "userId",
    "department",
    "bonus",
    "star",
    "promotionPoints",
    "freeRider"
  })
  public record PersonEntry(
      String opportunityId,
      String kind,
      Instant recorded,
      String userId,
      String department,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bonus,
      boolean star,
      int promotionPoints,
      boolean freeRider) {}

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private final JdbcTemplate jdbc;

  public LedgerTotals(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * @param from first instant counted, or null for the ledger's beginning
   * @param until first instant no longer counted, or null for now and later
   */
  public List<DepartmentTotal> departments(Instant from, Instant until) {
    List<Object> arguments = new ArrayList<>();
    String sql =
        "SELECT D.DEPARTMENT_,"
            + " SUM(CASE WHEN E.KIND_ = 'INCENTIVE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN E.KIND_ = 'LOSS' THEN 1 ELSE 0 END),"
            + " SUM(D.KPI_CREDIT_), SUM(D.POOL_), SUM(D.LOSS_)"
            + " FROM COLLAB_LEDGER_DEPARTMENT D JOIN COLLAB_LEDGER_ENTRY E ON E.ENTRY_ID_ = D.ENTRY_ID_"
            + period(from, until, arguments)
            + " GROUP BY D.DEPARTMENT_ ORDER BY D.DEPARTMENT_";
    return jdbc.query(
        sql,
        (row, n) ->
            new DepartmentTotal(
                row.getString(1),
                row.getInt(2),
                row.getInt(3),
                cents(row.getBigDecimal(4)),
                cents(row.getBigDecimal(5)),
                cents(row.getBigDecimal(6))),
        arguments.toArray());
  }

  /**
   * @param userId only this person's rows, or null for everyone's
   */
  public List<PersonTotal> people(Instant from, Instant until, String userId) {
    List<Object> arguments = new ArrayList<>();
    String where = period(from, until, arguments);
    if (userId != null) {
      where += (where.isEmpty() ? " WHERE" : " AND") + " P.USER_ID_ = ?";
      arguments.add(userId);
    }
    String sql =
        "SELECT P.USER_ID_, P.DEPARTMENT_, COUNT(*), SUM(P.BONUS_),"
            + " SUM(CASE WHEN P.STAR_ THEN 1 ELSE 0 END), SUM(P.PROMOTION_POINTS_),"
            + " SUM(CASE WHEN P.FREE_RIDER_ THEN 1 ELSE 0 END)"
            + " FROM COLLAB_LEDGER_PERSON P JOIN COLLAB_LEDGER_ENTRY E ON E.ENTRY_ID_ = P.ENTRY_ID_"
            + where
            + " GROUP BY P.USER_ID_, P.DEPARTMENT_ ORDER BY P.USER_ID_, P.DEPARTMENT_";
    return jdbc.query(
        sql,
        (row, n) ->
            new PersonTotal(
                row.getString(1),
                row.getString(2),
                row.getInt(3),
                cents(row.getBigDecimal(4)),
                row.getInt(5),
                row.getInt(6),
                row.getInt(7)),
        arguments.toArray());
  }

  /**
   * The department lines recorded in the period, oldest first.
   *
   * @param department only this department's lines, or null for every department's
   */
  public List<DepartmentEntry> departmentEntries(Instant from, Instant until, String department) {
    List<Object> arguments = new ArrayList<>();
    String where = period(from, until, arguments);
    if (department != null) {
      where += (where.isEmpty() ? " WHERE" : " AND") + " D.DEPARTMENT_ = ?";
      arguments.add(department);
    }
    String sql =
        "SELECT E.OPPORTUNITY_ID_, E.KIND_, E.RECORDED_, D.DEPARTMENT_, D.KPI_CREDIT_, D.POOL_,"
            + " D.LOSS_"
            + " FROM COLLAB_LEDGER_DEPARTMENT D JOIN COLLAB_LEDGER_ENTRY E ON E.ENTRY_ID_ = D.ENTRY_ID_"
            + where
            + " ORDER BY E.RECORDED_, E.OPPORTUNITY_ID_, E.KIND_, D.DEPARTMENT_";
    return jdbc.query(
        sql,
        (row, n) ->
            new DepartmentEntry(
                row.getString(1),
                row.getString(2),
                row.getTimestamp(3).toInstant(),
                row.getString(4),
                cents(row.getBigDecimal(5)),
                cents(row.getBigDecimal(6)),
                cents(row.getBigDecimal(7))),
        arguments.toArray());
  }

  /**
   * A person's lines recorded in the period, oldest first.
   *
   * @param department only their lines in this department, or null for all of theirs
   */
  public List<PersonEntry> personEntries(
      Instant from, Instant until, String userId, String department) {
    List<Object> arguments = new ArrayList<>();
    String where = period(from, until, arguments);
    where += (where.isEmpty() ? " WHERE" : " AND") + " P.USER_ID_ = ?";
    arguments.add(userId);
    if (department != null) {
      where += " AND P.DEPARTMENT_ = ?";
      arguments.add(department);
    }
    String sql =
        "SELECT E.OPPORTUNITY_ID_, E.KIND_, E.RECORDED_, P.USER_ID_, P.DEPARTMENT_, P.BONUS_,"
            + " P.STAR_, P.PROMOTION_POINTS_, P.FREE_RIDER_"
            + " FROM COLLAB_LEDGER_PERSON P JOIN COLLAB_LEDGER_ENTRY E ON E.ENTRY_ID_ = P.ENTRY_ID_"
            + where
            + " ORDER BY E.RECORDED_, E.OPPORTUNITY_ID_, P.DEPARTMENT_";
    return jdbc.query(
        sql,
        (row, n) ->
            new PersonEntry(
                row.getString(1),
                row.getString(2),
                row.getTimestamp(3).toInstant(),
                row.getString(4),
                row.getString(5),
                cents(row.getBigDecimal(6)),
                row.getBoolean(7),
                row.getInt(8),
                row.getBoolean(9)),
        arguments.toArray());
  }

  /** Every department's figures per month of the period, by month, then department. */
  public List<MonthTotal> months(Instant from, Instant until) {
    return byMonth(departmentEntries(from, until, null), ZoneId.systemDefault());
  }

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

  private static String period(Instant from, Instant until, List<Object> arguments) {
    List<String> conditions = new ArrayList<>();
    if (from != null) {
      conditions.add("E.RECORDED_ >= ?");
      arguments.add(Timestamp.from(from));
    }
    if (until != null) {
      conditions.add("E.RECORDED_ < ?");
      arguments.add(Timestamp.from(until));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static BigDecimal cents(BigDecimal sum) {
    return (sum == null ? BigDecimal.ZERO : sum).setScale(2);
  }
}
