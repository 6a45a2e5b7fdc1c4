package org.opencollab.tasklist;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Service task behind the reminder timers (sprint review, committee vote) and <i>Remind late
 * step</i>: every open task of the activity named by the input parameter {@code overdueTask}, or
 * only the task {@code overdueTaskId} when it is given, gets a higher priority and a comment, so it
 * rises to the top of Tasklist and shows why. The mail about it goes out with the overdue scan
 * ({@code org.opencollab.notify.OverdueMails}); no mail server is assumed here.
 */
@Component("remindOverdueTasks")
public class OverdueReminder implements JavaDelegate {

  public static final String OVERDUE_TASK = "overdueTask";
  public static final String OVERDUE_TASK_ID = "overdueTaskId";
  private static final int PRIORITY_STEP = 10;
  private static final int MAX_PRIORITY = 100;

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String activityId = (String) execution.getVariable(OVERDUE_TASK);
    TaskQuery open =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(activityId);
    if (execution.getVariable(OVERDUE_TASK_ID) instanceof String taskId) {
      open.taskId(taskId);
    }
    for (Task task : open.list()) {
      tasks.setPriority(task.getId(), Math.min(MAX_PRIORITY, task.getPriority() + PRIORITY_STEP));
      tasks.createComment(
          task.getId(),
          execution.getProcessInstanceId(),
          "Reminder / 提醒: this task is overdue, please complete it / 此任务已逾期，请尽快处理");
    }
  }
}
