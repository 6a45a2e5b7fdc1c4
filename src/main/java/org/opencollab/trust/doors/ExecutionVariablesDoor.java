package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.springframework.stereotype.Component;

/**
 * Reading the variables of a process instance or execution: one that does not exist or has ended is
 * not found (404), where Camunda would answer 500. The confidential ones are left out of the answer
 * ({@link ConfidentialDoors}).
 */
@Component
class ExecutionVariablesDoor implements Door<GetExecutionVariablesCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(GetExecutionVariablesCmd.class);
  }

  @Override
  public Check guard(GetExecutionVariablesCmd command, Caller caller) {
    String executionId = CommandFields.read(command, "executionId", String.class);
    return context -> DoorChecks.existingExecution(context, executionId);
  }
}
