package org.opencollab.trust.doors;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.springframework.stereotype.Component;

/**
 * Writing a task's variables: as any variable write ({@link VariableWriteDoor}), and an unknown
 * task is not found (404).
 */
@Component
class TaskVariableWriteDoor implements Door<Object> {

  @Override
  public List<Class<?>> commands() {
    return List.of(SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    DoorChecks.refuseJavaSerialized(CommandFields.read(command, "variables", Map.class));
    return DoorChecks.onRunningTask(CommandFields.read(command, "entityId", String.class));
  }
}
