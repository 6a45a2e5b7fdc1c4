package org.opencollab.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.opencollab.config.UserTaskListeners;
import org.opencollab.models.ChineseNames;
import org.opencollab.opportunity.OpportunityVariables;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Task names that carry their context (docs/employees.md): a task of an opportunity or of one of
 * its disputes is named like "Design solution / 设计方案 — OPP-2026-0042 Hangzhou Lianxin", so a
 * Tasklist list tells the tasks of different opportunities apart, in both languages; a task of no
 * opportunity (the health report's review) is named in both languages alone. The Chinese name is
 * the step's {@code name-zh} in the deployed model ({@link ChineseNames}); a step without one keeps
 * its English name alone. A built-in create listener, attached to every user task as it is
 * deployed, before any other; the model keeps the plain name.
 *
 * <p>The task gets no variables of its own: Tasklist's cards show the opportunity's id, customer
 * and priority from the product ({@link TaskColumns}).
 */
@Component
@Order(EnginePlugins.TASK_NAMES)
public class TaskNames extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " — ";

  private final ChineseNames chinese;

  public TaskNames(ChineseNames chinese) {
    this.chinese = chinese;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.attach(configuration, true, TaskListener.EVENTNAME_CREATE, this::withContext);
  }

  void withContext(DelegateTask task) {
    if (task.getName() == null) {
      return;
    }
    String name =
        ChineseNames.bilingual(
            task.getName(),
            chinese
                .of(task.getProcessDefinitionId(), definition -> task.getBpmnModelInstance())
                .chinese()
                .get(task.getTaskDefinitionKey()));
    Object opportunityId = task.getVariable(OpportunityVariables.OPPORTUNITY_ID);
    if (opportunityId == null) {
      task.setName(name);
      return;
    }
    Object customer = task.getVariable(OpportunityVariables.CUSTOMER_NAME);
    task.setName(
        name
            + SEPARATOR
            + opportunityId
            + (customer == null || customer.toString().isBlank() ? "" : " " + customer));
  }
}
