package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.springframework.stereotype.Component;

/**
 * Changing a task's name, priority or due date, or taking a person or group off it: Camunda's
 * {@code TASK_ASSIGN} decides, and an unknown task is not found (404).
 */
@Component
class TaskChangeDoor implements Door<Object> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AbstractSetTaskPropertyCmd.class, DeleteIdentityLinkCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    return DoorChecks.onRunningTask(CommandFields.taskId(command));
  }
}
