package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task of a process ends with its step; Camunda's refusal is a bare engine error (HTTP 500). A
 * worker is refused (403), a process owner told why (400). Tasks outside a process pass.
 */
@Component
class DeleteTaskDoor implements Door<DeleteTaskCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(DeleteTaskCmd.class);
  }

  @Override
  public Check guard(DeleteTaskCmd command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    return context -> refuseDeletingProcessTask(context, taskId, caller);
  }

  private static void refuseDeletingProcessTask(
      CommandContext context, String taskId, Caller caller) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessInstanceId() == null) {
      return;
    }
    if (caller != null && !caller.isProcessOwner()) {
      throw new AuthorizationException(caller.userId() + " may not delete task " + taskId);
    }
    throw new BadUserRequestException(
        "task "
            + taskId
            + " belongs to a running process and ends with its step;"
            + " it cannot be deleted");
  }
}
