package org.opencollab.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches a built-in task listener to every user task of every process as it is deployed: the
 * model need not mention it, and a process owner cannot remove it by editing the BPMN.
 */
public final class UserTaskListeners {

  private UserTaskListeners() {}

  /**
   * @param first true to run before the listeners attached after parsing (pre-parse), false after
   */
  public static void attach(
      ProcessEngineConfigurationImpl configuration,
      boolean first,
      String event,
      TaskListener listener) {
    BpmnParseListener attacher =
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
              userTask.getTaskDefinition().addBuiltInTaskListener(event, listener);
            }
          }
        };
    List<BpmnParseListener> listeners =
        new ArrayList<>(
            first
                ? nullSafe(configuration.getCustomPreBPMNParseListeners())
                : nullSafe(configuration.getCustomPostBPMNParseListeners()));
    listeners.add(attacher);
    if (first) {
      configuration.setCustomPreBPMNParseListeners(listeners);
    } else {
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
  }

  private static List<BpmnParseListener> nullSafe(List<BpmnParseListener> listeners) {
    return listeners == null ? List.of() : listeners;
  }
}
