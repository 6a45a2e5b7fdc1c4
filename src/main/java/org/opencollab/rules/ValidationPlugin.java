package org.opencollab.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.opencollab.config.EnginePlugins;
import org.opencollab.variables.VariableReader;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Attaches each process's {@link ProcessRules} to its model when it is deployed: a start listener
 * on the process, which first refuses any variable that is not a field of the start form, and a
 * complete listener on every user task with a rule. Both are built-in listeners, so they run before
 * any listener a process owner adds, and the process owner cannot remove them by editing the BPMN.
 */
@Component
@Order(EnginePlugins.VALIDATION)
public class ValidationPlugin extends AbstractProcessEnginePlugin {

  private final Map<String, ProcessRules> rulesByProcess;

  public ValidationPlugin(List<ProcessRules> rules) {
    this.rulesByProcess =
        rules.stream().collect(Collectors.toMap(ProcessRules::processKey, Function.identity()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new RuleAttacher());
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  private final class RuleAttacher extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
      ProcessRules rules = rulesByProcess.get(process.getKey());
      if (rules != null) {
        // Index 0: before the start listeners of the model, which set the derived variables.
        process.addBuiltInListener(
            ExecutionListener.EVENTNAME_START,
            (ExecutionListener)
                start -> {
                  StepFields.checkStart((ExecutionEntity) start, rules.startStep());
                  rules.checkStart(start);
                },
            0);
      }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ProcessRules rules =
          rulesByProcess.get(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey());
      ProcessRules.TaskRule rule = rules == null ? null : rules.taskRules().get(activity.getId());
      if (rule != null
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask
            .getTaskDefinition()
            .addBuiltInTaskListener(
                TaskListener.EVENTNAME_COMPLETE,
                task -> rule.check(VariableReader.of(task::getVariable), task));
      }
    }
  }
}
