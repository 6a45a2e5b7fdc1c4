package org.opencollab.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task names that carry their context (docs/employees.md): a task of an opportunity or of one of
 * its disputes is named like "Design solution — OPP-2026-0042 Hangzhou Lianxin", so a Tasklist list
 * tells the tasks of different opportunities apart. A built-in create listener, attached to every
 * user task as it is deployed, before any other; the model keeps the plain name.
 */
@Component
public class TaskNames extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " — ";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
              userTask
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskNames::withContext);
            }
          }
        });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  static void withContext(DelegateTask task) {
    Object opportunityId = task.getVariable("opportunityId");
    if (opportunityId == null || task.getName() == null) {
      return;
    }
    Object customer = task.getVariable("customerName");
    task.setName(
        task.getName()
            + SEPARATOR
            + opportunityId
            + (customer == null || customer.toString().isBlank() ? "" : " " + customer));
  }
}
