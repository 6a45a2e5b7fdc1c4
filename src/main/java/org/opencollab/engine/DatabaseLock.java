package org.opencollab.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Start-up work that two nodes starting at once must not do side by side (creating the schema,
 * seeding groups, users and filters): on PostgreSQL it runs under a session advisory lock, which
 * the other node waits for; on the embedded H2 of the demo run, which one node owns, it just runs.
 */
public final class DatabaseLock {

  /** Schema migration (Liquibase). */
  public static final long MIGRATION = 20_261_127_007L;

  /** Seeding of identities, authorizations and filters. */
  public static final long SEEDING = 20_261_127_008L;

  private DatabaseLock() {}

  /** A piece of start-up work that may fail. */
  @FunctionalInterface
  public interface Work<E extends Exception> {
    void run() throws E;
  }

  public static <E extends Exception> void whileLocked(
      DataSource dataSource, long lock, Work<E> work) throws E {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres =
          connection
              .getMetaData()
              .getDatabaseProductName()
              .toLowerCase(Locale.ROOT)
              .contains("postgres");
      if (!postgres) {
        work.run();
        return;
      }
      advisory(connection, "SELECT pg_advisory_lock(?)", lock);
      try {
        work.run();
      } finally {
        advisory(connection, "SELECT pg_advisory_unlock(?)", lock);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the start-up lock " + lock, e);
    }
  }

  private static void advisory(Connection connection, String sql, long lock) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, lock);
      statement.execute();
    }
  }
}
