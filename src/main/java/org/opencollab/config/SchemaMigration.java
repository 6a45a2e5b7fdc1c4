package org.opencollab.config;

import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Liquibase, run by one node at a time. Liquibase locks its work with a table, but creates that
 * table without a lock: two nodes starting at once on an empty PostgreSQL database both try, and
 * one dies ({@code duplicate key ... pg_type_typname_nsp_index}). On PostgreSQL the migration
 * therefore runs under a session advisory lock, which the second node waits for; then it finds the
 * schema in place and changes nothing. The process engine waits for this bean ({@link
 * EngineAfterSchema}).
 */
@Configuration
public class SchemaMigration {

  @Bean
  public SpringLiquibase liquibase(
      DataSource dataSource, @Value("${spring.liquibase.change-log}") String changeLog) {
    SpringLiquibase liquibase = new LockedLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(changeLog);
    return liquibase;
  }

  static final class LockedLiquibase extends SpringLiquibase {

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
      DatabaseLock.whileLocked(getDataSource(), DatabaseLock.MIGRATION, super::afterPropertiesSet);
    }
  }
}
