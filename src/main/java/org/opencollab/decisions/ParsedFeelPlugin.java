package org.opencollab.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's decisions evaluate with {@link ParsedFeel}: full FEEL, each expression parsed once.
 * The engine still builds the rest of its DMN configuration (history, custom functions, the
 * engine's own settings) on top of it.
 */
@Component
@Order(EnginePlugins.PARSED_FEEL)
public class ParsedFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    use(configuration);
  }

  /** Also for a test engine built without Spring. */
  public static void use(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn =
        configuration.getDmnEngineConfiguration() != null
            ? configuration.getDmnEngineConfiguration()
            : (DefaultDmnEngineConfiguration)
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new ParsedFeel.Factory(dmn));
    configuration.setDmnEngineConfiguration(dmn);
  }
}
