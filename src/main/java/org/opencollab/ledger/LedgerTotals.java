package org.opencollab.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
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
