package org.opencollab.trust;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.opencollab.identity.Membership;

/**
 * Who may do what with a task (docs/employees.md, "Who may do what"). Camunda gives the people who
 * work a task {@code TASK_WORK} on it (claim, complete), not {@code UPDATE}; reassigning,
 * delegating, adding candidates, renaming and changing priority need {@code TASK_ASSIGN}, which
 * coordinators and process owners hold. On top of Camunda's checks this class adds what Camunda
 * cannot express:
 *
 * <ul>
 *   <li>a task is only ever handed to someone who may do the step ({@link StepRoles}), whoever
 *       hands it;
 *   <li>a person claims a task for themselves; only those who may assign claim it for someone else;
 *   <li>the person a task is assigned to may give it back (unclaim) without {@code TASK_ASSIGN};
 *   <li>comments and attachments come from the people who work or assign the task, never from an
 *       auditor (Camunda checks nothing there), and their texts have limits ({@link TextLimits}).
 * </ul>
 */
final class TaskDoors {

  private TaskDoors() {}

  /**
   * @param command what to run: {@code original}, perhaps already wrapped with other checks
   * @param original the command as the door sent it, whose arguments decide
   */
  static <T> Command<T> guard(Command<T> command, Command<T> original, Authentication user) {
    if (user == null) {
      return TextLimits.guard(command, original);
    }
    if (original instanceof ClaimTaskCmd) {
      String taskId = CommandFields.read(original, "taskId", String.class);
      String claimant = CommandFields.read(original, "userId", String.class);
      if (claimant == null) {
        return command;
      }
      if (claimant.equals(user.getUserId())) {
        // Camunda keeps a former assignee's own grant: membership decides, not the old grant.
        return DoorGuard.before(
            command,
            context -> {
              TaskEntity task = existing(context, taskId);
              checkAll(context, checker -> checker.checkTaskWork(task));
              requireEligibleUser(context, task, claimant, "userId");
            });
      }
      return DoorGuard.before(
          command,
          context -> {
            TaskEntity task = existing(context, taskId);
            checkAll(context, checker -> checker.checkTaskAssign(task));
            requireEligibleUser(context, task, claimant, "userId");
          });
    }
    if (original instanceof AssignTaskCmd
        && CommandFields.read(original, "userId", String.class) == null) {
      String taskId = CommandFields.read(original, "taskId", String.class);
      return context -> {
        TaskEntity task = existing(context, taskId);
        if (user.getUserId().equals(task.getAssignee())) {
          return context.runWithoutAuthorization(() -> command.execute(context));
        }
        return command.execute(context);
      };
    }
    if (original instanceof AbstractAddIdentityLinkCmd) {
      String taskId = CommandFields.read(original, "taskId", String.class);
      String userId = CommandFields.read(original, "userId", String.class);
      String groupId = CommandFields.read(original, "groupId", String.class);
      return DoorGuard.before(
          command,
          context -> {
            TaskEntity task = existing(context, taskId);
            checkAll(context, checker -> checker.checkTaskAssign(task));
            if (original instanceof AddGroupIdentityLinkCmd || groupId != null) {
              requireEligibleGroup(task, groupId);
            } else if (userId != null) {
              requireEligibleUser(context, task, userId, "userId");
            }
          });
    }
    if (original instanceof SaveTaskCmd) {
      TaskEntity changed = CommandFields.read(original, "task", TaskEntity.class);
      if (changed == null || changed.getRevision() == 0) {
        return command;
      }
      return DoorGuard.before(
          command,
          context -> {
            String[] people = currentPeople(context, changed.getId());
            if (changed.getAssignee() != null && !changed.getAssignee().equals(people[0])) {
              requireEligibleUser(context, changed, changed.getAssignee(), "assignee");
            }
            boolean sameDelegation =
                String.valueOf(changed.getDelegationState()).equals(String.valueOf(people[2]));
            boolean sameParent =
                String.valueOf(changed.getParentTaskId()).equals(String.valueOf(people[3]));
            if (!DoorGuard.isProcessOwner(user) && (!sameDelegation || !sameParent)) {
              throw new BadUserRequestException(
                  (sameDelegation ? "parentTaskId" : "delegationState")
                      + ": changes only by delegating or resolving the task, not by updating it");
            }
            if (changed.getOwner() != null && !changed.getOwner().equals(people[1])) {
              requireEligibleUser(context, changed, changed.getOwner(), "owner");
            }
          });
    }
    if (original instanceof DelegateTaskCmd) {
      String taskId = CommandFields.read(original, "taskId", String.class);
      String userId = CommandFields.read(original, "userId", String.class);
      return DoorGuard.before(
          command,
          context -> {
            TaskEntity task = existing(context, taskId);
            checkAll(context, checker -> checker.checkTaskAssign(task));
            requireEligibleUser(context, task, userId, "userId");
          });
    }
    if (original instanceof AddCommentCmd || original instanceof CreateAttachmentCmd) {
      String taskId = CommandFields.read(original, "taskId", String.class);
      String processInstanceId = CommandFields.read(original, "processInstanceId", String.class);
      // the door's check wraps the texts' limits: a stranger gets 403 before any 400
      return DoorGuard.before(
          TextLimits.guard(command, original),
          context -> requireWorkerOrAssigner(context, user, taskId, processInstanceId, original));
    }
    if (original instanceof UpdateCommentCmd || original instanceof DeleteTaskCommentCmd) {
      String taskId = CommandFields.read(original, "taskId", String.class);
      String commentId = CommandFields.read(original, "commentId", String.class);
      return DoorGuard.before(
          TextLimits.guard(command, original),
          context -> requireAuthorOrAssigner(context, user, taskId, commentId, original));
    }
    if (original instanceof SaveAttachmentCmd
        || original instanceof DeleteAttachmentCmd
        || original instanceof DeleteProcessInstanceCommentCmd) {
      String taskId =
          original instanceof DeleteAttachmentCmd
              ? CommandFields.read(original, "taskId", String.class)
              : null;
      return DoorGuard.before(command, context -> requireAssigner(context, user, taskId, original));
    }
    return command;
  }

  /**
   * A comment is changed or deleted by its author, or by those who assign the task; all of a task's
   * comments at once only by those who assign it. The trail of a step is not the worker's to erase.
   */
  private static void requireAuthorOrAssigner(
      CommandContext context,
      Authentication user,
      String taskId,
      String commentId,
      Command<?> command) {
    if (taskId != null && commentId != null) {
      TaskEntity task = existing(context, taskId);
      CommentEntity comment =
          context.getCommentManager().findCommentByTaskIdAndCommentId(taskId, commentId);
      if (comment != null && user.getUserId().equals(comment.getUserId())) {
        checkAll(context, checker -> checker.checkTaskWork(task));
        return;
      }
    }
    requireAssigner(context, user, taskId, command);
  }

  /** Attachments are changed and removed, and instance comments deleted, by those who assign. */
  private static void requireAssigner(
      CommandContext context, Authentication user, String taskId, Command<?> command) {
    if (DoorGuard.isProcessOwner(user)) {
      return;
    }
    if (taskId == null) {
      throw forbidden(
          user.getUserId() + " may not " + describe(command) + ": only process owners may");
    }
    requireAssignerOf(context, user, existing(context, taskId), command, "assign");
  }

  /** Refuses with 403, naming who may, unless {@code user} may assign {@code task}. */
  private static void requireAssignerOf(
      CommandContext context,
      Authentication user,
      TaskEntity task,
      Command<?> command,
      String who) {
    try {
      checkAll(context, checker -> checker.checkTaskAssign(task));
    } catch (AuthorizationException cannotAssign) {
      throw forbidden(
          user.getUserId()
              + " may not "
              + describe(command)
              + " on task "
              + task.getId()
              + ": only those who "
              + who
              + " the task may");
    }
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

  /**
   * The task, or 404: for a task that never existed, and for one that has ended, saying why
   * (completed, or closed without its person: a vote cancelled because the committee already has a
   * majority).
   */
  static TaskEntity existing(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task != null) {
      return task;
    }
    HistoricTaskInstanceEntity ended =
        taskId == null
            ? null
            : context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
    if (ended == null) {
      throw new InvalidRequestException(
          jakarta.ws.rs.core.Response.Status.NOT_FOUND, "task " + taskId + " does not exist");
    }
    String why =
        "completed".equals(ended.getDeleteReason())
            ? "it is already completed"
            : "ArbitrationVote".equals(ended.getTaskDefinitionKey())
                ? "the voting has closed: an option already holds a majority of the committee"
                : "it was closed by the process (" + ended.getDeleteReason() + ")";
    throw new InvalidRequestException(
        jakarta.ws.rs.core.Response.Status.NOT_FOUND,
        "task " + taskId + " (" + ended.getTaskDefinitionKey() + ") has ended: " + why);
  }

  static String describe(Command<?> command) {
    return command
        .getClass()
        .getSimpleName()
        .replaceAll("Cmd$", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase();
  }

  /**
   * Comments and attachments: Camunda checks no permission there, and its REST resource turns any
   * engine exception into 400, so the refusal is a 403 the resource passes on.
   */
  private static void requireWorkerOrAssigner(
      CommandContext context,
      Authentication user,
      String taskId,
      String processInstanceId,
      Command<?> command) {
    if (taskId == null) {
      if (!DoorGuard.isProcessOwner(user)) {
        throw forbidden(
            user.getUserId()
                + " may not "
                + describe(command)
                + " outside a task: only process owners and administrators may");
      }
      return;
    }
    TaskEntity task = existing(context, taskId);
    if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
      throw new BadUserRequestException(
          "processInstanceId: a comment on task "
              + taskId
              + " belongs to its own process instance "
              + task.getProcessInstanceId()
              + ", not "
              + processInstanceId);
    }
    try {
      checkAll(context, checker -> checker.checkTaskWork(task));
    } catch (AuthorizationException cannotWork) {
      requireAssignerOf(context, user, task, command, "work or assign");
    }
  }

  private static InvalidRequestException forbidden(String message) {
    return new InvalidRequestException(jakarta.ws.rs.core.Response.Status.FORBIDDEN, message);
  }

  private static void requireEligibleUser(
      CommandContext context, TaskEntity task, String userId, String field) {
    Optional<String> person = StepRoles.personOf(task);
    if (person.isPresent()) {
      if (!person.get().equals(userId)) {
        throw new BadUserRequestException(
            field
                + ": "
                + userId
                + " may not do "
                + task.getTaskDefinitionKey()
                + "; it is "
                + person.get()
                + "'s own");
      }
      return;
    }
    StepRoles.standsAside(task)
        .filter(userId::equals)
        .ifPresent(
            sponsor -> {
              throw new BadUserRequestException(field + ": " + StepRoles.whyAside(task, sponsor));
            });
    Set<String> groups = StepRoles.groupsOf(task);
    boolean eligible =
        context.runWithoutAuthorization(
            () ->
                groups.stream()
                    .anyMatch(
                        group ->
                            Membership.isMember(
                                context.getProcessEngineConfiguration().getIdentityService(),
                                userId,
                                group)));
    if (!eligible) {
      throw new BadUserRequestException(
          field
              + ": "
              + userId
              + " may not do "
              + task.getTaskDefinitionKey()
              + "; a task goes only to a member of "
              + String.join(", ", groups));
    }
  }

  private static void requireEligibleGroup(TaskEntity task, String groupId) {
    if (StepRoles.personOf(task).isPresent()) {
      throw new BadUserRequestException(
          "groupId: " + task.getTaskDefinitionKey() + " is one person's own; no group may do it");
    }
    Set<String> groups = StepRoles.groupsOf(task);
    if (!groups.contains(groupId)) {
      throw new BadUserRequestException(
          "groupId: "
              + groupId
              + " may not do "
              + task.getTaskDefinitionKey()
              + "; a task goes only to "
              + String.join(", ", groups));
    }
  }

  private static void checkAll(
      CommandContext context, java.util.function.Consumer<CommandChecker> check) {
    context.getProcessEngineConfiguration().getCommandCheckers().forEach(check);
  }
}
