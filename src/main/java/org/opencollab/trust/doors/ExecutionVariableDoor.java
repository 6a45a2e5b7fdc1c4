package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.springframework.stereotype.Component;

/**
 * Reading one variable of a process instance or execution by its name: not a confidential one (403,
 * {@link ConfidentialDoors}); and an instance that does not exist or has ended is not found (404),
 * where Camunda would answer 500.
 */
@Component
class ExecutionVariableDoor implements Door<Object> {

  private final ConfidentialDoors confidential;

  ExecutionVariableDoor(ConfidentialDoors confidential) {
    this.confidential = confidential;
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(GetExecutionVariableCmd.class, GetExecutionVariableTypedCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    confidential.refuseRead(CommandFields.read(command, "variableName", String.class), caller);
    String executionId = CommandFields.read(command, "executionId", String.class);
    return context -> DoorChecks.existingExecution(context, executionId);
  }
}
