package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.springframework.stereotype.Component;

/**
 * Throwing a BPMN error or an escalation from a user task leaves the step by a path the model gives
 * no worker: for process owners and administrators, who repair data ({@link RepairDoor}). An
 * unknown task is not found (404).
 */
@Component
class TaskErrorDoor implements Door<Object> {

  @Override
  public List<Class<?>> commands() {
    return List.of(HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    DoorChecks.requireProcessOwner(command, caller);
    return DoorChecks.onRunningTask(taskId);
  }
}
