package org.opencollab.trust.doors;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.springframework.stereotype.Component;

/**
 * Starting an opportunity with its start form: no Java-serialized values, and a start that collides
 * with another change runs again.
 */
@Component
class StartFormDoor implements Door<SubmitStartFormCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(SubmitStartFormCmd.class);
  }

  @Override
  public Check guard(SubmitStartFormCmd command, Caller caller) {
    DoorChecks.refuseJavaSerialized(CommandFields.read(command, "variables", Map.class));
    return Check.NONE;
  }

  @Override
  public boolean retried() {
    return true;
  }
}
