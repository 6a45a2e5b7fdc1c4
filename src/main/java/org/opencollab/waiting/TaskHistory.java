package org.opencollab.waiting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the completed tasks of a process from Camunda's history tables in one statement: each task
 * ({@code ACT_HI_TASKINST}) with the time of its first assignment, the earliest {@code add} of an
 * {@code assignee} link in the identity link log ({@code ACT_HI_IDENTITYLINK}; history level full).
 * A claim, an assignment by the model ({@code camunda:assignee}) or by a coordinator all count. One
 * statement instead of the Java API's query per task, on H2 and PostgreSQL alike.
 */
@Component
public class TaskHistory {

  private static final String TASKS =
      "SELECT T.ID_, T.TASK_DEF_KEY_, T.PROC_DEF_ID_, T.PROC_INST_ID_, T.START_TIME_,"
          + " T.END_TIME_, C.CLAIMED_"
          + " FROM ACT_HI_TASKINST T LEFT JOIN ("
          + "SELECT L.TASK_ID_, MIN(L.TIMESTAMP_) AS CLAIMED_ FROM ACT_HI_IDENTITYLINK L"
          + " WHERE L.PROC_DEF_KEY_ = ? AND L.TYPE_ = 'assignee' AND L.OPERATION_TYPE_ = 'add'"
          + " AND L.TASK_ID_ IS NOT NULL%s GROUP BY L.TASK_ID_) C ON C.TASK_ID_ = T.ID_"
          + " WHERE T.PROC_DEF_KEY_ = ? AND T.DELETE_REASON_ = 'completed'"
          + " AND T.END_TIME_ IS NOT NULL%s";

  private final JdbcTemplate jdbc;

  public TaskHistory(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * The tasks of {@code processKey} completed in the period.
   *
   * @param from first instant counted, or null for history's beginning
   * @param until first instant no longer counted, or null for now and later
   */
  public List<FinishedTask> completed(String processKey, Instant from, Instant until) {
    List<Object> arguments = new ArrayList<>();
    arguments.add(processKey);
    // A task is assigned before it is completed: links after the period cannot count.
    String links = "";
    if (until != null) {
      links = " AND L.TIMESTAMP_ < ?";
      arguments.add(Timestamp.from(until));
    }
    arguments.add(processKey);
    String tasks = "";
    if (from != null) {
      tasks += " AND T.END_TIME_ >= ?";
      arguments.add(Timestamp.from(from));
    }
    if (until != null) {
      tasks += " AND T.END_TIME_ < ?";
      arguments.add(Timestamp.from(until));
    }
    return jdbc.query(
        TASKS.formatted(links, tasks),
        (row, n) ->
            new FinishedTask(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                instant(row.getTimestamp(5)),
                instant(row.getTimestamp(7)),
                instant(row.getTimestamp(6))),
        arguments.toArray());
  }

  /** The business key (the opportunity's id) of each of these process instances that has one. */
  public Map<String, String> businessKeys(Collection<String> processInstanceIds) {
    Map<String, String> keys = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return keys;
    }
    String marks = String.join(", ", processInstanceIds.stream().map(id -> "?").toList());
    jdbc.query(
        "SELECT ID_, BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE ID_ IN (" + marks + ")",
        row -> {
          if (row.getString(2) != null) {
            keys.put(row.getString(1), row.getString(2));
          }
        },
        processInstanceIds.toArray());
    return keys;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
