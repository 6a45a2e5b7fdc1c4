package org.opencollab.trust.doors;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Updating a whole task ({@code PUT /task/{id}}) is a back door to handing it on: a new assignee or
 * owner must be someone who may do the step ({@link StepRoles}), and delegation and parent change
 * only by delegating or resolving (process owners excepted). A new task passes.
 */
@Component
class SaveTaskDoor implements Door<SaveTaskCmd> {

  @Override
  public List<Class<?>> commands() {
    return List.of(SaveTaskCmd.class);
  }

  @Override
  public Check guard(SaveTaskCmd command, Caller caller) {
    if (caller == null) {
      return Check.NONE;
    }
    TaskEntity changed = CommandFields.read(command, "task", TaskEntity.class);
    if (changed == null || changed.getRevision() == 0) {
      return Check.NONE;
    }
    return context -> {
      String[] people = currentPeople(context, changed.getId());
      if (changed.getAssignee() != null && !changed.getAssignee().equals(people[0])) {
        DoorChecks.requireEligibleUser(context, changed, changed.getAssignee(), "assignee");
      }
      boolean sameDelegation =
          String.valueOf(changed.getDelegationState()).equals(String.valueOf(people[2]));
      boolean sameParent =
          String.valueOf(changed.getParentTaskId()).equals(String.valueOf(people[3]));
      if (!caller.isProcessOwner() && (!sameDelegation || !sameParent)) {
        throw new BadUserRequestException(
            (sameDelegation ? "parentTaskId" : "delegationState")
                + ": changes only by delegating or resolving the task, not by updating it");
      }
      if (changed.getOwner() != null && !changed.getOwner().equals(people[1])) {
        DoorChecks.requireEligibleUser(context, changed, changed.getOwner(), "owner");
      }
    };
  }

  /**
   * The assignee, owner, delegation state and parent a task has now, read past the engine's entity
   * cache: {@code PUT /task/{id}} brings its own copy of the task, which the command merges.
   */
  private static String[] currentPeople(CommandContext context, String taskId) {
    try (PreparedStatement select =
        context
            .getDbSqlSession()
            .getSqlSession()
            .getConnection()
            .prepareStatement(
                "SELECT ASSIGNEE_, OWNER_, DELEGATION_, PARENT_TASK_ID_ FROM "
                    + context.getProcessEngineConfiguration().getDatabaseTablePrefix()
                    + "ACT_RU_TASK WHERE ID_ = ?")) {
      select.setString(1, taskId);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)}
            : new String[4];
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("cannot read task " + taskId, e);
    }
  }
}
