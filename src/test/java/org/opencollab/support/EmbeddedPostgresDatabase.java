package org.opencollab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server for integration tests, started from Maven artifacts (no Docker, no
 * install step). One server per JVM; it stops when the JVM exits.
 */
public final class EmbeddedPostgresDatabase {

  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException ignored) {
                      // the JVM is going away; the data directory is temporary
                    }
                  }));
    }
    return server;
  }

  /**
   * The Spring properties that point the application at this server, as the prod profile's
   * variables would.
   */
  public static Map<String, String> datasourceProperties() {
    return datasourceProperties("postgres");
  }

  /**
   * The same for a database of its own on this server, created when missing, so test classes do not
   * share data.
   */
  public static synchronized Map<String, String> datasourceProperties(String database) {
    EmbeddedPostgres postgres = server();
    if (!database.equals("postgres")) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        ResultSet exists =
            statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
        if (!exists.next()) {
          statement.execute("CREATE DATABASE " + database);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create database " + database, e);
      }
    }
    return Map.of(
        "spring.datasource.url", postgres.getJdbcUrl("postgres", database),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres");
  }
}
