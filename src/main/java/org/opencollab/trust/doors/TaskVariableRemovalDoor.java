package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.springframework.stereotype.Component;

/** Removing a task's variables: an unknown task is not found (404). */
@Component
class TaskVariableRemovalDoor implements Door<RemoveTaskVariablesCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(RemoveTaskVariablesCmd.class);
  }

  @Override
  public Check guard(RemoveTaskVariablesCmd command, Caller caller) {
    return DoorChecks.onRunningTask(CommandFields.read(command, "entityId", String.class));
  }
}
