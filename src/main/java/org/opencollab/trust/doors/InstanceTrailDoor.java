package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.springframework.stereotype.Component;

/**
 * Changing a stored attachment and deleting a comment of a process instance rewrite the
 * opportunity's trail: only process owners and administrators may (403), where Camunda checks
 * nothing.
 */
@Component
class InstanceTrailDoor implements Door<Object> {

  @Override
  public List<Class<?>> commands() {
    return List.of(SaveAttachmentCmd.class, DeleteProcessInstanceCommentCmd.class);
  }

  @Override
  public Check guard(Object command, Caller caller) {
    if (caller == null) {
      return Check.NONE;
    }
    return context -> DoorChecks.requireAssigner(context, caller, null, command);
  }
}
