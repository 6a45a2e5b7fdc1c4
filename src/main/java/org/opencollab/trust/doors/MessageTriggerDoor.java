package org.opencollab.trust.doors;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.springframework.stereotype.Component;

/**
 * A message delivered to one waiting execution ({@code POST
 * /execution/{id}/messageSubscriptions/{messageName}/trigger}): the same rules as a correlated
 * message ({@link MessageDoor}): the messages a process sends itself come from the process only,
 * and no Java-serialized values.
 */
@Component
class MessageTriggerDoor implements Door<MessageEventReceivedCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(MessageEventReceivedCmd.class);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Check guard(MessageEventReceivedCmd command, Caller caller) {
    MessageDoor.refuseProcessOwn(CommandFields.read(command, "messageName", String.class));
    DoorChecks.refuseJavaSerialized(CommandFields.read(command, "processVariables", Map.class));
    return Check.NONE;
  }
}
