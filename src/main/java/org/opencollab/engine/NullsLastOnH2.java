package org.opencollab.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * H2 sorts as PostgreSQL does: an empty value last when sorting up, first when sorting down. H2's
 * own default puts it first when sorting up, so on the demo database a task without a due date
 * would sort above an overdue one in Tasklist's filters (which sort by due date, earliest first).
 * The setting is H2's, for the whole database, kept in it; PostgreSQL needs nothing.
 */
@Component
@Order(EnginePlugins.NULLS_LAST_ON_H2)
public class NullsLastOnH2 extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET DEFAULT_NULL_ORDERING HIGH");
    } catch (SQLException e) {
      throw new IllegalStateException("H2 refused to sort empty values last", e);
    }
  }
}
