package org.opencollab.trust.doors;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.springframework.stereotype.Component;

/**
 * Writing variables directly: no Java-serialized values (400 naming the variable, where Camunda
 * answers 500). Which variables a worker may write is Camunda's permission, and the rules of the
 * process check the values.
 */
@Component
class VariableWriteDoor implements Door<Object> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AbstractSetVariableCmd.class, AbstractPatchVariablesCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    DoorChecks.refuseJavaSerialized(CommandFields.read(command, "variables", Map.class));
    return Check.NONE;
  }
}
