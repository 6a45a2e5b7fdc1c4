package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.springframework.stereotype.Component;

/**
 * Reading a task form's variables: an unknown task is not found (404), where Camunda would answer
 * 500. The confidential ones are left out of the answer ({@link ConfidentialDoors}).
 */
@Component
class TaskFormVariablesDoor implements Door<GetTaskFormVariablesCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(GetTaskFormVariablesCmd.class);
  }

  @Override
  public Check guard(GetTaskFormVariablesCmd command, Caller caller) {
    return DoorChecks.onRunningTask(command.resourceId);
  }
}
