package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.springframework.stereotype.Component;

/**
 * Starting a process: no Java-serialized values; and starting it somewhere other than at its start
 * (with instructions to start before or after an activity) skips the model's steps, which is for
 * process owners and administrators.
 */
@Component
class StartProcessDoor implements Door<StartProcessInstanceCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(StartProcessInstanceCmd.class);
  }

  @Override
  public Check guard(StartProcessInstanceCmd command, Caller caller) {
    ProcessInstantiationBuilderImpl start =
        CommandFields.read(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
    DoorChecks.refuseJavaSerialized(start.getVariables());
    if (!start.getModificationBuilder().getModificationOperations().isEmpty()) {
      DoorChecks.requireProcessOwner(command, caller);
    }
    return Check.NONE;
  }
}
