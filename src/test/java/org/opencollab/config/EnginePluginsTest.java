package org.opencollab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultFailedJobConfiguration;
import org.camunda.bpm.spring.boot.starter.spin.SpringBootSpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.opencollab.ProcessTest;
import org.opencollab.confidential.ConfidentialityPlugin;
import org.opencollab.decisions.ParsedFeelPlugin;
import org.opencollab.engine.AuditorsHistory;
import org.opencollab.engine.HistoryCleanupWindow;
import org.opencollab.engine.NullsLastOnH2;
import org.opencollab.engine.SchemaMigration;
import org.opencollab.identity.IdentitySetup;
import org.opencollab.models.ModelDeployer;
import org.opencollab.notify.TaskMails;
import org.opencollab.rest.EngineRefusals;
import org.opencollab.rules.ValidationPlugin;
import org.opencollab.tasklist.TaskFilterSetup;
import org.opencollab.tasklist.TaskNames;
import org.opencollab.trust.TrustPlugin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine runs the product's plugins in the order {@link EnginePlugins} lists them (and
 * docs/process-owners.md describes), after the starter's own configuration and before its Spin
 * plugin.
 */
@ProcessTest
class EnginePluginsTest {

  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void theEngineRunsTheProductsPluginsInTheListedOrder() {
    List<Class<?>> engine = plugins();
    assertThat(engine.stream().filter(plugin -> plugin.getName().startsWith("org.opencollab.")))
        .containsExactly(
            ConfidentialityPlugin.class,
            HistoryCleanupWindow.class,
            AuditorsHistory.class,
            NullsLastOnH2.class,
            ParsedFeelPlugin.class,
            IdentitySetup.class,
            ModelDeployer.class,
            TaskMails.class,
            EngineRefusals.class,
            ValidationPlugin.class,
            TaskFilterSetup.class,
            TaskNames.class,
            TrustPlugin.class,
            SchemaMigration.EngineWaitsForSchema.class);
    assertThat(engine.indexOf(DefaultFailedJobConfiguration.class))
        .isLessThan(engine.indexOf(ConfidentialityPlugin.class));
    assertThat(engine.indexOf(SchemaMigration.EngineWaitsForSchema.class))
        .isLessThan(engine.indexOf(SpringBootSpinProcessEnginePlugin.class));
  }

  private List<Class<?>> plugins() {
    return configuration.getProcessEnginePlugins().stream()
        .flatMap(
            plugin ->
                plugin instanceof CompositeProcessEnginePlugin composite
                    ? composite.getPlugins().stream()
                    : Stream.of(plugin))
        .map(ProcessEnginePlugin::getClass)
        .<Class<?>>map(type -> type)
        .toList();
  }
}
