package org.opencollab.engine;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Creates the process engine after Liquibase's bean, which starts the migration: the engine does
 * not create its schema ({@code schema-update: false}), it checks it, so the schema must be there
 * first. The engine then waits for the migration to finish before it touches a table ({@link
 * SchemaMigration}). Registered in {@code META-INF/spring.factories}.
 */
public class EngineAfterSchema extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, ProcessEngineConfigurationImpl.class);
  }
}
