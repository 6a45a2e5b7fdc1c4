package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.springframework.stereotype.Component;

/**
 * Doors that skip the model's steps: starting at an activity, signalling an execution or an event,
 * restarting a finished instance. They are for process owners and administrators, who repair data;
 * Camunda records their changes in the user operation log.
 */
@Component
class RepairDoor implements Door<Object> {

  @Override
  public List<Class<?>> commands() {
    return List.of(
        StartProcessInstanceAtActivitiesCmd.class,
        SignalEventReceivedCmd.class,
        SignalCmd.class,
        AbstractRestartProcessInstanceCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    DoorChecks.requireProcessOwner(command, caller);
    return Check.NONE;
  }
}
