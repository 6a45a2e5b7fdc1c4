package org.opencollab.engine;

import java.sql.Connection;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The JDBC connection of the engine command that runs now: what the product writes to its own
 * tables through it commits or rolls back with the engine's own changes.
 */
public final class EngineConnection {

  private EngineConnection() {}

  public static Connection current() {
    return Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
  }

  /** Whether the engine runs on PostgreSQL (else H2), for the few statements that differ. */
  public static boolean postgres() {
    return "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType());
  }
}
