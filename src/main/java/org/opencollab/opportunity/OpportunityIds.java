package org.opencollab.opportunity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.engine.EngineConnection;
import org.opencollab.variables.InvalidVariableException;

/**
 * One opportunity id, once (docs/process-variables.md), held by the database: a start inserts its
 * id into {@code COLLAB_OPPORTUNITY_ID} (primary key, created by Liquibase) on the engine's own
 * connection, in the transaction that creates the instance. Of two starts with one id at the same
 * instant, the second waits for the first and is refused; a refused or failed start rolls its row
 * back with it.
 */
final class OpportunityIds {

  /** SQLSTATE of a unique-constraint violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private OpportunityIds() {}

  /**
   * A new id for an opportunity started without one: {@code OPP-<year>-<number>}, the number from
   * the database sequence {@code COLLAB_OPPORTUNITY_SEQ} (at least four digits).
   */
  static String next() {
    Connection connection = EngineConnection.current();
    String sql =
        EngineConnection.postgres()
            ? "SELECT nextval('collab_opportunity_seq')"
            : "SELECT NEXT VALUE FOR COLLAB_OPPORTUNITY_SEQ";
    try (PreparedStatement next = connection.prepareStatement(sql);
        java.sql.ResultSet number = next.executeQuery()) {
      number.next();
      int year =
          ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.systemDefault()).getYear();
      return String.format("OPP-%d-%04d", year, number.getLong(1));
    } catch (SQLException e) {
      throw new ProcessEngineException("cannot number a new opportunity", e);
    }
  }

  static void claim(DelegateExecution start, String opportunityId) {
    Connection connection = EngineConnection.current();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO COLLAB_OPPORTUNITY_ID (OPPORTUNITY_ID_, PROC_INST_ID_, CREATED_) VALUES (?, ?, ?)")) {
      insert.setString(1, opportunityId);
      insert.setString(2, start.getProcessInstanceId());
      insert.setTimestamp(3, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new InvalidVariableException(
            OpportunityVariables.OPPORTUNITY_ID,
            opportunityId + " is already used by another opportunity",
            opportunityId + " 已被另一个商机使用");
      }
      throw new ProcessEngineException("cannot record opportunity id " + opportunityId, e);
    }
  }
}
