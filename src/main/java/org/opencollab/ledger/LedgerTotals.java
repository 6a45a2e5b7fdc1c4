package org.opencollab.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * statements), and the departments' figures per month, added up from the entries by {@link
 * LedgerSums}.
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
    return LedgerSums.byMonth(departmentEntries(from, until, null), ZoneId.systemDefault());
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
