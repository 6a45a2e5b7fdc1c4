package org.opencollab.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Liquibase, run by one node at a time, while the process engine reads its configuration.
 *
 * <p>One node at a time: Liquibase locks its work with a table, but creates that table without a
 * lock: two nodes starting at once on an empty PostgreSQL database both try, and one dies ({@code
 * duplicate key ... pg_type_typname_nsp_index}). On PostgreSQL the migration therefore runs under a
 * session advisory lock, which the second node waits for; then it finds the schema in place and
 * changes nothing.
 *
 * <p>While the engine reads its configuration: the migration runs in a thread of its own, started
 * when Spring creates the bean, and the engine waits for it after its own configuration is read
 * (its MyBatis mappings take about 2 s) and before it first touches its tables ({@link
 * EngineWaitsForSchema}). On two cores that takes the migration, about 1.5 s on a fresh H2
 * database, off the start-up's path (docs/performance.md, "Start-up"). The engine's beans are
 * created after this bean ({@link EngineAfterSchema}); a failed migration fails the engine's start
 * with Liquibase's error.
 */
@Configuration
public class SchemaMigration {

  @Bean
  public LockedLiquibase liquibase(
      DataSource dataSource, @Value("${spring.liquibase.change-log}") String changeLog) {
    LockedLiquibase liquibase = new LockedLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(changeLog);
    return liquibase;
  }

  @Bean
  @Order(EnginePlugins.ENGINE_WAITS_FOR_SCHEMA)
  public EngineWaitsForSchema engineWaitsForSchema(LockedLiquibase liquibase) {
    return new EngineWaitsForSchema(liquibase);
  }

  /**
   * Liquibase under the database lock, in a thread of its own. Whoever needs the schema waits for
   * it: the engine ({@link EngineWaitsForSchema}), and in any case the application context before
   * it finishes starting, so no start ends with the migration failed or still running. On a failed
   * start, the context waits for a running migration before it closes the connection pool, so
   * Liquibase releases its lock.
   */
  public static final class LockedLiquibase extends SpringLiquibase
      implements SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LockedLiquibase.class);

    private volatile CompletableFuture<Void> migrated;

    /** Liquibase's own switch for its usage analytics, which it sends by default. */
    static final String ANALYTICS = "liquibase.analytics.enabled";

    @Override
    public void afterPropertiesSet() {
      // The product sends nothing home: Liquibase's analytics stay off unless an operator turns
      // them on (the system property, or LIQUIBASE_ANALYTICS_ENABLED in the environment).
      if (System.getProperty(ANALYTICS) == null
          && System.getenv("LIQUIBASE_ANALYTICS_ENABLED") == null) {
        System.setProperty(ANALYTICS, "false");
      }
      CompletableFuture<Void> migration = new CompletableFuture<>();
      migrated = migration;
      Thread thread =
          new Thread(
              () -> {
                try {
                  DatabaseLock.whileLocked(getDataSource(), DatabaseLock.MIGRATION, this::migrate);
                  migration.complete(null);
                } catch (Throwable e) {
                  LOG.error("The database schema could not be migrated", e);
                  migration.completeExceptionally(e);
                }
              },
              "schema-migration");
      thread.setDaemon(true);
      thread.start();
    }

    private void migrate() throws LiquibaseException {
      super.afterPropertiesSet();
    }

    @Override
    public void afterSingletonsInstantiated() {
      awaitMigrated();
    }

    @Override
    public void destroy() {
      try {
        migrated.get(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // failed (and logged) or still running: nothing more to wait for
      }
    }

    boolean isMigrated() {
      return migrated.isDone();
    }

    /** Blocks until the schema is in place; rethrows the migration's failure. */
    public void awaitMigrated() {
      try {
        migrated.join();
      } catch (CompletionException e) {
        throw new IllegalStateException(
            "the database schema could not be migrated: " + e.getCause().getMessage(),
            e.getCause());
      }
    }
  }

  /**
   * Holds the engine after it has read its configuration and before it checks its schema, until
   * Liquibase is done.
   */
  public static final class EngineWaitsForSchema extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineWaitsForSchema.class);

    private final LockedLiquibase liquibase;

    EngineWaitsForSchema(LockedLiquibase liquibase) {
      this.liquibase = liquibase;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      if (!liquibase.isMigrated()) {
        LOG.info("The engine waits for the database schema");
      }
      liquibase.awaitMigrated();
    }
  }
}
