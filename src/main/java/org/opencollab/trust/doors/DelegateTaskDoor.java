package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Delegating a task needs {@code TASK_ASSIGN}, and goes only to someone who may do the step ({@link
 * StepRoles}).
 */
@Component
class DelegateTaskDoor implements Door<DelegateTaskCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(DelegateTaskCmd.class);
  }

  @Override
  public Check guard(DelegateTaskCmd command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    if (caller == null) {
      return DoorChecks.onRunningTask(taskId);
    }
    String userId = CommandFields.userId(command);
    return context -> {
      TaskEntity task = DoorChecks.existingTask(context, taskId);
      DoorChecks.checkAll(context, checker -> checker.checkTaskAssign(task));
      DoorChecks.requireEligibleUser(context, task, userId, "userId");
    };
  }
}
