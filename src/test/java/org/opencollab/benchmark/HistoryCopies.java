package org.opencollab.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * History grown to many finished opportunities, fast: every history row of the opportunities that
 * finished already (Camunda's {@code ACT_HI_*} tables, their byte arrays, and the product's ledger
 * and id tables) is copied as often as needed, each copy with its own ids and business key, in one
 * transaction on PostgreSQL, then the statistics are refreshed as autovacuum would. Working 10,000
 * opportunities through the process instead would take most of an hour on this machine.
 */
final class HistoryCopies {

  /**
   * The columns that name an instance-level row. In a copy, each id becomes the MD5 of the id and
   * the copy's number (the same value in every table, and never longer than the original column
   * allows); the readable keys get the copy's number as a suffix. Other columns are kept.
   */
  private static final Set<String> INSTANCE_COLUMNS =
      Set.of(
          "id_",
          "proc_inst_id_",
          "root_proc_inst_id_",
          "super_process_instance_id_",
          "restarted_proc_inst_id_",
          "parent_act_inst_id_",
          "execution_id_",
          "task_id_",
          "call_proc_inst_id_",
          "act_inst_id_",
          "parent_task_id_",
          "bytearray_id_",
          "var_inst_id_",
          "content_id_",
          "job_id_",
          "operation_id_",
          "cause_incident_id_",
          "root_cause_incident_id_",
          "job_exception_stack_id_",
          "process_instance_id_",
          "error_details_id_",
          "ext_task_id_",
          "dec_inst_id_",
          "root_dec_inst_id_");

  private static final Set<String> READABLE_KEYS =
      Set.of("business_key_", "entry_id_", "opportunity_id_");

  private static final String ROOTS = "(SELECT id_ FROM copied_roots)";

  private HistoryCopies() {}

  /** Finished opportunities in history. */
  static int finished(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) " + finishedRoots())) {
      count.next();
      return count.getInt(1);
    }
  }

  /**
   * Copies the finished opportunities' history until it holds at least {@code target} of them;
   * returns how many it holds then.
   */
  static int growTo(Connection connection, int target) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute(
          "CREATE TEMP TABLE copied_roots ON COMMIT DROP AS SELECT id_ " + finishedRoots());
      int finished;
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM copied_roots")) {
        count.next();
        finished = count.getInt(1);
      }
      if (finished == 0) {
        throw new IllegalStateException("no finished opportunity to copy");
      }
      int copies = Math.max(0, (target - finished + finished - 1) / finished);
      for (String table : historyTables(connection)) {
        copy(connection, table, "root_proc_inst_id_ IN " + ROOTS, copies);
      }
      String entries =
          "(SELECT entry_id_ FROM collab_ledger_entry WHERE proc_inst_id_ IN " + ROOTS + ")";
      // Entries first: their people and departments refer to them. Copied entries have other
      // instance ids, so the filter below still finds only the originals.
      copy(connection, "collab_ledger_entry", "proc_inst_id_ IN " + ROOTS, copies);
      copy(connection, "collab_ledger_person", "entry_id_ IN " + entries, copies);
      copy(connection, "collab_ledger_department", "entry_id_ IN " + entries, copies);
      copy(connection, "collab_opportunity_id", "proc_inst_id_ IN " + ROOTS, copies);
      connection.commit();
      connection.setAutoCommit(true);
      statement.execute("ANALYZE");
      return finished * (copies + 1);
    }
  }

  private static String finishedRoots() {
    return "FROM act_hi_procinst WHERE proc_def_key_ = 'opportunityToDelivery'"
        + " AND end_time_ IS NOT NULL AND id_ = root_proc_inst_id_";
  }

  /** Camunda's history tables and its byte arrays: every table that records its root instance. */
  private static List<String> historyTables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND column_name = 'root_proc_inst_id_'"
                    + " AND (table_name LIKE 'act\\_hi\\_%' OR table_name = 'act_ge_bytearray')"
                    + " ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private static void copy(Connection connection, String table, String filter, int copies)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    String values =
        columns.stream()
            .map(
                column ->
                    INSTANCE_COLUMNS.contains(column)
                        ? "md5(" + column + " || '-' || copy.n)"
                        : READABLE_KEYS.contains(column) ? column + " || '-' || copy.n" : column)
            .collect(Collectors.joining(", "));
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      int rows =
          statement.executeUpdate(
              "INSERT INTO "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") SELECT "
                  + values
                  + " FROM "
                  + table
                  + " CROSS JOIN generate_series(1, "
                  + copies
                  + ") AS copy(n) WHERE "
                  + filter);
      System.out.printf(
          Locale.ROOT,
          "  copied %,d rows of %s in %.1f s%n",
          rows,
          table,
          (System.nanoTime() - start) / 1e9);
    }
  }
}
