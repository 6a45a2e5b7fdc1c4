package org.opencollab.rest;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.runtime.ConditionHandlerResult;
import org.camunda.bpm.engine.impl.runtime.ConditionSet;
import org.camunda.bpm.engine.impl.runtime.DefaultConditionHandler;
import org.opencollab.config.EnginePlugins;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's side of answering refusals as what they are. A command refused for its input or for
 * a missing permission ({@link Refusals#isRefusal}) is logged by the engine at DEBUG, not as {@code
 * ENGINE-16004} ERROR with a stack trace: the REST answer logs it as one WARN line. Any other
 * failure keeps the engine's ERROR. And evaluating conditions when no process starts on one, or on
 * a process without a conditional start event, is a bad request (400), not an engine error.
 */
@Component
@Order(EnginePlugins.ENGINE_REFUSALS)
public class EngineRefusals extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandContextFactory contexts =
        new CommandContextFactory() {
          @Override
          public CommandContext createCommandContext() {
            return new RefusalsAtDebug(processEngineConfiguration);
          }
        };
    contexts.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(contexts);
    configuration.setConditionHandler(new ConditionsToEvaluate());
  }

  static final class RefusalsAtDebug extends CommandContext {
    RefusalsAtDebug(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    protected boolean shouldLogFine(Throwable exception) {
      return super.shouldLogFine(exception) || Refusals.isRefusal(exception);
    }
  }

  /** Camunda's evaluation, with its two refusals as bad requests. */
  static final class ConditionsToEvaluate extends DefaultConditionHandler {

    @Override
    protected List<ConditionHandlerResult> evaluateConditionStartByEventSubscription(
        CommandContext context, ConditionSet conditions) {
      if (findConditionalStartEventSubscriptions(context, conditions).isEmpty()) {
        throw new BadUserRequestException(
            "No deployed process starts on a condition"
                + (conditions.isTenantIdSet() ? " for this tenant" : "")
                + ", so there is nothing to evaluate");
      }
      return super.evaluateConditionStartByEventSubscription(context, conditions);
    }

    @Override
    protected List<ConditionHandlerResult> evaluateConditionStartByProcessDefinitionId(
        CommandContext context, ConditionSet conditions, String processDefinitionId) {
      ProcessDefinitionEntity definition =
          context
              .getProcessEngineConfiguration()
              .getDeploymentCache()
              .findDeployedProcessDefinitionById(processDefinitionId);
      if (definition != null
          && !definition.isSuspended()
          && findConditionalStartEventActivities(definition).isEmpty()) {
        throw new BadUserRequestException(
            "processDefinitionId: process definition "
                + processDefinitionId
                + " has no conditional start event");
      }
      return super.evaluateConditionStartByProcessDefinitionId(
          context, conditions, processDefinitionId);
    }
  }
}
