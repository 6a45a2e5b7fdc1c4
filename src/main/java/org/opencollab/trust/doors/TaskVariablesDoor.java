package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.springframework.stereotype.Component;

/**
 * Reading a task's variables: an unknown task is not found (404), where Camunda would answer 500.
 * The confidential ones are left out of the answer ({@link ConfidentialDoors}).
 */
@Component
class TaskVariablesDoor implements Door<GetTaskVariablesCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(GetTaskVariablesCmd.class);
  }

  @Override
  public Check guard(GetTaskVariablesCmd command, Caller caller) {
    return DoorChecks.onRunningTask(CommandFields.taskId(command));
  }
}
