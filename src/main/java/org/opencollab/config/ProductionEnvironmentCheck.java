package org.opencollab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile without its environment, before any bean is created (so
 * before anything connects anywhere), and says which variables are missing. Without it, a missing
 * database URL surfaces as a JDBC driver error, and a missing administrator as an installation
 * nobody can administer.
 */
@Component
@Profile("prod")
public class ProductionEnvironmentCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  private Environment environment;

  /** Each required setting and the environment variable that provides it. */
  static final Map<String, String> REQUIRED =
      Map.of(
          "spring.datasource.url", "COLLAB_DB_URL",
          "spring.datasource.username", "COLLAB_DB_USER",
          "spring.datasource.password", "COLLAB_DB_PASSWORD",
          "collab.admin.user", "COLLAB_ADMIN_USER",
          "collab.admin.password", "COLLAB_ADMIN_PASSWORD");

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> missing = new ArrayList<>();
    REQUIRED.forEach(
        (property, variable) -> {
          String value = environment.getProperty(property);
          if (value == null || value.isBlank()) {
            missing.add(variable);
          }
        });
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The prod profile cannot start: set the environment variables "
              + String.join(", ", missing.stream().sorted().toList())
              + " (PostgreSQL from COLLAB_DB_URL, COLLAB_DB_USER, COLLAB_DB_PASSWORD; the administrator from "
              + "COLLAB_ADMIN_USER, COLLAB_ADMIN_PASSWORD). See docs/operators.md.");
    }
  }
}
