package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Assigning a task goes only to someone who may do the step ({@link IdentityLinkDoor}). Giving it
 * back (unclaim) is the assignee's own right: Camunda would ask for {@code TASK_ASSIGN}, which the
 * people who work a task do not hold.
 */
@Component
class AssignTaskDoor implements Door<AssignTaskCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AssignTaskCmd.class);
  }

  @Override
  public Check guard(AssignTaskCmd command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    if (caller == null) {
      return DoorChecks.onRunningTask(taskId);
    }
    String userId = CommandFields.userId(command);
    if (userId != null) {
      return context -> DoorChecks.requireMayHandOn(context, taskId, userId, null, false);
    }
    return context -> {
      TaskEntity task = DoorChecks.existingTask(context, taskId);
      if (caller.userId().equals(task.getAssignee())) {
        // the assignee gives it back; Doors turns authorization on again after the command
        context.disableAuthorizationCheck();
      }
    };
  }
}
