package org.opencollab.tasklist;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Service task behind the reminder timers (sprint review, committee vote): every open task of the
 * activity named by the input parameter {@code overdueTask} gets a higher priority and a comment,
 * so it rises to the top of Tasklist and shows why. No mail server is assumed.
 */
@Component("remindOverdueTasks")
public class OverdueReminder implements JavaDelegate {

  public static final String OVERDUE_TASK = "overdueTask";
  private static final int PRIORITY_STEP = 10;
  private static final int MAX_PRIORITY = 100;

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String activityId = (String) execution.getVariable(OVERDUE_TASK);
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(activityId)
            .list()) {
      tasks.setPriority(task.getId(), Math.min(MAX_PRIORITY, task.getPriority() + PRIORITY_STEP));
      tasks.createComment(
          task.getId(),
          execution.getProcessInstanceId(),
          "Reminder / 提醒: this task is overdue, please complete it / 此任务已逾期，请尽快处理");
    }
  }
}
