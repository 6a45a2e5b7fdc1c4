package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.opencollab.trust.doors.TextLimits.Text;
import org.springframework.stereotype.Component;

/**
 * Attachments come from the people who work or assign the task, never from an auditor (Camunda
 * checks nothing there); outside a task only from process owners. Their name, type, description and
 * link have at most what their columns hold ({@link TextLimits}).
 */
@Component
class CreateAttachmentDoor implements Door<CreateAttachmentCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(CreateAttachmentCmd.class);
  }

  @Override
  public Check guard(CreateAttachmentCmd command, Caller caller) {
    // named as the parts of Camunda's REST form for an attachment
    Text[] texts = {
      text(command, "attachmentName", "attachment-name", 255),
      text(command, "attachmentType", "attachment-type", 255),
      text(command, "attachmentDescription", "attachment-description", 4_000),
      text(command, "url", "url", 4_000)
    };
    if (caller == null) {
      return context -> TextLimits.check(texts);
    }
    String taskId = CommandFields.taskId(command);
    String processInstanceId = CommandFields.read(command, "processInstanceId", String.class);
    // a stranger gets 403 before any 400
    return context -> {
      DoorChecks.requireWorkerOrAssigner(context, caller, taskId, processInstanceId, command);
      TextLimits.check(texts);
    };
  }

  private static Text text(CreateAttachmentCmd command, String name, String field, int limit) {
    return new Text(field, CommandFields.read(command, name, String.class), limit);
  }
}
