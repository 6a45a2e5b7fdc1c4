package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A person claims a task for themselves, if they may do the step; only those who may assign a task
 * claim it for someone else, and only for someone who may do the step ({@link StepRoles}). Two
 * people claiming at the same instant collide in the engine; the loser's claim runs again and meets
 * the clear answer.
 */
@Component
class ClaimDoor implements Door<ClaimTaskCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(ClaimTaskCmd.class);
  }

  @Override
  public Check guard(ClaimTaskCmd command, Caller caller) {
    String taskId = CommandFields.taskId(command);
    String claimant = CommandFields.userId(command);
    if (caller == null || claimant == null) {
      return DoorChecks.onRunningTask(taskId);
    }
    boolean forThemselves = claimant.equals(caller.userId());
    return context -> {
      TaskEntity task = DoorChecks.existingTask(context, taskId);
      if (forThemselves) {
        // Camunda keeps a former assignee's own grant: membership decides, not the old grant.
        DoorChecks.checkAll(context, checker -> checker.checkTaskWork(task));
      } else {
        DoorChecks.checkAll(context, checker -> checker.checkTaskAssign(task));
      }
      DoorChecks.requireEligibleUser(context, task, claimant, "userId");
    };
  }

  @Override
  public boolean retried() {
    return true;
  }

  @Override
  public String taskOf(ClaimTaskCmd command) {
    return CommandFields.taskId(command);
  }
}
