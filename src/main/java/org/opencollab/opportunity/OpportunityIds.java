package org.opencollab.opportunity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

  static void claim(DelegateExecution start, String opportunityId) {
    Connection connection =
        Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
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
            opportunityId + " is already used by another opportunity");
      }
      throw new ProcessEngineException("cannot record opportunity id " + opportunityId, e);
    }
  }
}
