package org.opencollab.confidential;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts {@link SealedHistory} in front of the engine's history, whatever else handles it. */
@Component
@Order(EnginePlugins.CONFIDENTIALITY)
public class ConfidentialityPlugin extends AbstractProcessEnginePlugin {

  private final Confidential confidential;

  public ConfidentialityPlugin(Confidential confidential) {
    this.confidential = confidential;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(
        new SealedHistory(configuration.getHistoryEventHandler(), confidential));
  }
}
