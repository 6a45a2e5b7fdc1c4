package org.opencollab.trust.doors;

import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.opencollab.identity.Membership;
import org.opencollab.variables.InvalidVariableException;

/**
 * The checks several doors share: that a task or execution exists, who may repair data, who may
 * hand a task to whom (docs/employees.md, "Who may do what"), and who may write beside a task.
 */
final class DoorChecks {

  private static final String JAVA_SERIALIZED = Variables.SerializationDataFormats.JAVA.getName();

  private DoorChecks() {}

  /** The task must be running: an unknown task is not found (404). */
  static Check onRunningTask(String taskId) {
    return context -> existingTask(context, taskId);
  }

  /**
   * The task, or 404: for a task that never existed, and for one that has ended, saying why
   * (completed, or closed without its person: a vote cancelled because the committee already has a
   * majority).
   */
  static TaskEntity existingTask(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task != null) {
      return task;
    }
    HistoricTaskInstanceEntity ended =
        taskId == null
            ? null
            : context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
    if (ended == null) {
      throw new InvalidRequestException(Status.NOT_FOUND, "task " + taskId + " does not exist");
    }
    String why =
        "completed".equals(ended.getDeleteReason())
            ? "it is already completed"
            : "ArbitrationVote".equals(ended.getTaskDefinitionKey())
                ? "the voting has closed: an option already holds a majority of the committee"
                : "it was closed by the process (" + ended.getDeleteReason() + ")";
    throw new InvalidRequestException(
        Status.NOT_FOUND,
        "task " + taskId + " (" + ended.getTaskDefinitionKey() + ") has ended: " + why);
  }

  /**
   * An execution or process instance that does not exist, or has ended, is not found (404), a
   * refusal like any other; Camunda's variable resources would answer 500 and log an error.
   */
  static void existingExecution(CommandContext context, String executionId) {
    if (executionId == null
        || context.getExecutionManager().findExecutionById(executionId) == null) {
      throw new InvalidRequestException(
          Status.NOT_FOUND,
          "No process instance or execution with id "
              + executionId
              + ": it does not exist or has ended");
    }
  }

  /**
   * Java-serialized values are refused (Camunda refuses them too, but as an engine error that REST
   * answers with 500); this names the variable and answers 400.
   */
  static void refuseJavaSerialized(Map<String, ?> variables) {
    if (variables == null) {
      return;
    }
    for (String name : variables.keySet()) {
      // Typed, not deserialized: reading the value would parse it before its limits are checked.
      Object value =
          variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      if (value instanceof SerializableValue serializable
          && JAVA_SERIALIZED.equals(serializable.getSerializationDataFormat())) {
        throw new InvalidVariableException(
            name,
            "Java-serialized values are refused; send the value as Json",
            "不接受 Java 序列化的值；请以 Json 发送");
      }
    }
  }

  /**
   * Doors that skip the model's steps are for process owners and administrators, who repair data;
   * Camunda records their changes in the user operation log.
   */
  static void requireProcessOwner(Object command, Caller caller) {
    if (caller != null && !caller.isProcessOwner()) {
      throw new AuthorizationException(
          caller.userId()
              + " may not "
              + describe(command)
              + ": only process owners and administrators may skip or repair the model's steps");
    }
  }

  /** {@code complete task} for {@code CompleteTaskCmd}: what a refusal says the caller tried. */
  static String describe(Object command) {
    return command
        .getClass()
        .getSimpleName()
        .replaceAll("Cmd$", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase();
  }

  /**
   * A refusal with 403 that REST passes on: where Camunda checks no permission, its resources turn
   * any engine exception into 400.
   */
  static InvalidRequestException forbidden(String message) {
    return new InvalidRequestException(Status.FORBIDDEN, message);
  }

  /** Camunda's own permission check, as every command checker of the engine makes it. */
  static void checkAll(CommandContext context, Consumer<CommandChecker> check) {
    context.getProcessEngineConfiguration().getCommandCheckers().forEach(check);
  }

  /**
   * Adding a person or group to a task, or assigning it, needs {@code TASK_ASSIGN}, and the person
   * or group must be one who may do the step.
   *
   * @param toGroup whether the link is a group's even when it names none
   */
  static void requireMayHandOn(
      CommandContext context, String taskId, String userId, String groupId, boolean toGroup) {
    TaskEntity task = existingTask(context, taskId);
    checkAll(context, checker -> checker.checkTaskAssign(task));
    if (toGroup || groupId != null) {
      requireEligibleGroup(task, groupId);
    } else if (userId != null) {
      requireEligibleUser(context, task, userId, "userId");
    }
  }

  /**
   * A task is only ever handed to someone who may do the step ({@link StepRoles}), whoever hands
   * it: its one person for a personal step, else a member of its groups other than the person who
   * stands aside.
   */
  static void requireEligibleUser(
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

  /** A task goes to a group only if the step is not one person's own and the group may do it. */
  static void requireEligibleGroup(TaskEntity task, String groupId) {
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

  /**
   * Comments and attachments come from the people who work or assign the task, never from an
   * auditor: Camunda checks no permission there.
   */
  static void requireWorkerOrAssigner(
      CommandContext context,
      Caller caller,
      String taskId,
      String processInstanceId,
      Object command) {
    if (taskId == null) {
      if (!caller.isProcessOwner()) {
        throw forbidden(
            caller.userId()
                + " may not "
                + describe(command)
                + " outside a task: only process owners and administrators may");
      }
      return;
    }
    TaskEntity task = existingTask(context, taskId);
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
      requireAssignerOf(context, caller, task, command, "work or assign");
    }
  }

  /**
   * A comment is changed or deleted by its author, or by those who assign the task; all of a task's
   * comments at once only by those who assign it. The trail of a step is not the worker's to erase.
   */
  static void requireAuthorOrAssigner(
      CommandContext context, Caller caller, String taskId, String commentId, Object command) {
    if (taskId != null && commentId != null) {
      TaskEntity task = existingTask(context, taskId);
      CommentEntity comment =
          context.getCommentManager().findCommentByTaskIdAndCommentId(taskId, commentId);
      if (comment != null && caller.userId().equals(comment.getUserId())) {
        checkAll(context, checker -> checker.checkTaskWork(task));
        return;
      }
    }
    requireAssigner(context, caller, taskId, command);
  }

  /** Attachments are changed and removed, and instance comments deleted, by those who assign. */
  static void requireAssigner(
      CommandContext context, Caller caller, String taskId, Object command) {
    if (caller.isProcessOwner()) {
      return;
    }
    if (taskId == null) {
      throw forbidden(
          caller.userId() + " may not " + describe(command) + ": only process owners may");
    }
    requireAssignerOf(context, caller, existingTask(context, taskId), command, "assign");
  }

  /** Refuses with 403, naming who may, unless {@code caller} may assign {@code task}. */
  private static void requireAssignerOf(
      CommandContext context, Caller caller, TaskEntity task, Object command, String who) {
    try {
      checkAll(context, checker -> checker.checkTaskAssign(task));
    } catch (AuthorizationException cannotAssign) {
      throw forbidden(
          caller.userId()
              + " may not "
              + describe(command)
              + " on task "
              + task.getId()
              + ": only those who "
              + who
              + " the task may");
    }
  }
}
