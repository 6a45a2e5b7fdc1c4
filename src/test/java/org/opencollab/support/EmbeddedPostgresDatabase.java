package org.opencollab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL server for integration tests, started from Maven artifacts (no Docker, no
 * install step). One server per JVM; it stops when the JVM exits.
 */
public final class EmbeddedPostgresDatabase {

  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away; the data directory is temporary
        }
      }));
    }
    return server;
  }

  /** The Spring properties that point the application at this server, as the prod profile's variables would. */
  public static Map<String, String> datasourceProperties() {
    EmbeddedPostgres postgres = server();
    return Map.of(
        "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres");
  }
}
