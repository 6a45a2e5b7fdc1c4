package org.opencollab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.engine.SchemaMigration.EngineWaitsForSchema;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine of the application waits for the migration that runs beside its start. */
@ApplicationTest
class EngineWaitsForSchemaTest {

  @Autowired ProcessEngine engine;

  @Test
  void theEngineOfTheApplicationHasThePluginThatWaits() {
    List<ProcessEnginePlugin> plugins =
        flatten(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getProcessEnginePlugins());

    assertThat(plugins).hasAtLeastOneElementOfType(EngineWaitsForSchema.class);
  }

  private static List<ProcessEnginePlugin> flatten(List<ProcessEnginePlugin> plugins) {
    List<ProcessEnginePlugin> all = new ArrayList<>();
    for (ProcessEnginePlugin plugin : plugins) {
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        all.addAll(flatten(composite.getPlugins()));
      } else {
        all.add(plugin);
      }
    }
    return all;
  }
}
