package org.opencollab.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The history rows one process instance left, with its sub-processes and disputes that share its
 * root: per table of Camunda's history and its byte arrays, on H2 and PostgreSQL alike.
 */
public final class HistoryRows {

  /** Every table that records the root instance of its rows. */
  public static final List<String> TABLES =
      List.of(
          "ACT_HI_PROCINST",
          "ACT_HI_ACTINST",
          "ACT_HI_TASKINST",
          "ACT_HI_VARINST",
          "ACT_HI_DETAIL",
          "ACT_HI_IDENTITYLINK",
          "ACT_HI_COMMENT",
          "ACT_HI_ATTACHMENT",
          "ACT_HI_OP_LOG",
          "ACT_HI_DECINST",
          "ACT_HI_DEC_IN",
          "ACT_HI_DEC_OUT",
          "ACT_HI_JOB_LOG",
          "ACT_HI_INCIDENT",
          "ACT_HI_EXT_TASK_LOG",
          "ACT_GE_BYTEARRAY");

  private HistoryRows() {}

  /** Rows per table, in the order of {@link #TABLES}. */
  public static Map<String, Integer> of(DataSource dataSource, String rootProcessInstanceId)
      throws SQLException {
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : TABLES) {
        rows.put(table, count(connection, "SELECT count(*) FROM " + table, rootProcessInstanceId));
      }
    }
    return rows;
  }

  /** Rows of {@code table} with each value of {@code column}, most first. */
  public static Map<String, Integer> byColumn(
      DataSource dataSource, String table, String column, String rootProcessInstanceId)
      throws SQLException {
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT "
                    + column
                    + ", count(*) FROM "
                    + table
                    + " WHERE ROOT_PROC_INST_ID_ = ? GROUP BY "
                    + column
                    + " ORDER BY 2 DESC, 1")) {
      statement.setString(1, rootProcessInstanceId);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.put(result.getString(1), result.getInt(2));
        }
      }
    }
    return rows;
  }

  /** The rows per table as lines of a table, with their sum and the sum per task. */
  public static String table(Map<String, Integer> rows, long tasks) {
    StringBuilder text = new StringBuilder();
    int total = 0;
    for (Map.Entry<String, Integer> table : rows.entrySet()) {
      if (table.getValue() > 0) {
        text.append(
            String.format(Locale.ROOT, "    %-22s %6d%n", table.getKey(), table.getValue()));
      }
      total += table.getValue();
    }
    text.append(
        String.format(
            Locale.ROOT,
            "    %-22s %6d   for %d tasks: %.1f per task%n",
            "all",
            total,
            tasks,
            (double) total / tasks));
    return text.toString();
  }

  public static int total(Map<String, Integer> rows) {
    return rows.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static int count(Connection connection, String select, String root) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(select + " WHERE ROOT_PROC_INST_ID_ = ?")) {
      statement.setString(1, root);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }
}
