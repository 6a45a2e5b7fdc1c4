package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.springframework.stereotype.Component;

/**
 * Reading one variable of a task by its name: not a confidential one (403, {@link
 * ConfidentialDoors}); and an unknown task is not found (404), where Camunda would answer 500.
 */
@Component
class TaskVariableDoor implements Door<Object> {

  private final ConfidentialDoors confidential;

  TaskVariableDoor(ConfidentialDoors confidential) {
    this.confidential = confidential;
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(GetTaskVariableCmd.class, GetTaskVariableCmdTyped.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    confidential.refuseRead(CommandFields.read(command, "variableName", String.class), caller);
    return DoorChecks.onRunningTask(CommandFields.taskId(command));
  }
}
