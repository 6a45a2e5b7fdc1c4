package org.opencollab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.opencollab.engine.SchemaMigration.LockedLiquibase;
import org.springframework.core.io.DefaultResourceLoader;

/** The migration runs in a thread of its own; waiting for it gives its result or its failure. */
class SchemaMigrationTest {

  @Test
  void waitingForTheMigrationFindsTheSchemaInPlace() throws Exception {
    String analyticsBefore = System.getProperty(LockedLiquibase.ANALYTICS);
    JdbcDataSource database = database();
    LockedLiquibase liquibase =
        liquibase(database, "classpath:db/changelog/db.changelog-master.xml");

    liquibase.afterPropertiesSet();
    liquibase.awaitMigrated();
    // Liquibase's analytics: off, unless someone chose before the product started.
    assertThat(System.getProperty(LockedLiquibase.ANALYTICS))
        .isEqualTo(
            analyticsBefore != null || System.getenv("LIQUIBASE_ANALYTICS_ENABLED") != null
                ? analyticsBefore
                : "false");

    try (Connection connection = database.getConnection();
        ResultSet tables =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_NAME IN ('ACT_RU_TASK', 'COLLAB_OPPORTUNITY_ID')")) {
      tables.next();
      assertThat(tables.getInt(1)).isEqualTo(2);
      connection.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void aFailedMigrationFailsWhoeverWaitsForIt() {
    LockedLiquibase liquibase = liquibase(database(), "classpath:db/changelog/no-such-file.xml");

    liquibase.afterPropertiesSet();

    assertThatThrownBy(liquibase::awaitMigrated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the database schema could not be migrated: ")
        .hasMessageContaining("no-such-file.xml");
  }

  private static JdbcDataSource database() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    return database;
  }

  private static LockedLiquibase liquibase(JdbcDataSource database, String changeLog) {
    LockedLiquibase liquibase = new LockedLiquibase();
    liquibase.setDataSource(database);
    liquibase.setChangeLog(changeLog);
    liquibase.setResourceLoader(new DefaultResourceLoader());
    return liquibase;
  }
}
