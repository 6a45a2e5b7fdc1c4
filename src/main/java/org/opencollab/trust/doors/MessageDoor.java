package org.opencollab.trust.doors;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.opencollab.opportunity.CustomerFeedback;
import org.opencollab.opportunity.LateSteps;
import org.springframework.stereotype.Component;

/**
 * A message to a process: no Java-serialized values in its payload; a payload into the local scope
 * of an activity (or of the scope it triggers) writes past the model's steps, which is for process
 * owners and administrators; and the messages a process sends itself ({@code StepLate}, {@code
 * LateStepDone}, {@code CustomerFeedback}) come from the process only.
 */
@Component
class MessageDoor implements Door<AbstractCorrelateMessageCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(AbstractCorrelateMessageCmd.class);
  }

  @Override
  public Check guard(AbstractCorrelateMessageCmd command, Caller caller) {
    MessageCorrelationBuilderImpl message =
        CommandFields.read(command, "builder", MessageCorrelationBuilderImpl.class);
    refuseProcessOwn(message.getMessageName());
    DoorChecks.refuseJavaSerialized(message.getPayloadProcessInstanceVariables());
    if (!isEmpty(message.getPayloadProcessInstanceVariablesLocal())
        || !isEmpty(message.getPayloadProcessInstanceVariablesToTriggeredScope())) {
      DoorChecks.requireProcessOwner(command, caller);
    }
    return Check.NONE;
  }

  /** The messages a process sends itself, for a late step and for customer feedback. */
  static void refuseProcessOwn(String messageName) {
    if (LateSteps.MESSAGES.contains(messageName) || CustomerFeedback.MESSAGE.equals(messageName)) {
      throw DoorChecks.forbidden(
          "message " + messageName + " is sent by the process itself / 该消息只能由流程自身发送");
    }
  }

  private static boolean isEmpty(Map<String, Object> variables) {
    return variables == null || variables.isEmpty();
  }
}
