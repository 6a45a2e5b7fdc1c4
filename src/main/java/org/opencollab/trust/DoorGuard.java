package org.opencollab.trust;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.opencollab.confidential.Confidential;
import org.opencollab.identity.Groups;
import org.opencollab.rules.ProcessRules;
import org.opencollab.rules.ProcessRules.TaskRule;
import org.opencollab.rules.StepFields;
import org.opencollab.variables.InvalidVariableException;

/**
 * Stands in front of every engine command that comes from outside: REST, the webapps' own API that
 * Tasklist and Cockpit use, and the Java API alike, since all of them end in the same commands. It
 * looks only at the outermost command of a thread; a command that a delegate or listener runs
 * inside another one is the process acting, and passes.
 *
 * <p>It refuses expressions in queries ({@link QueryExpressions}), filters on confidential values
 * and confidential values in answers ({@link ConfidentialDoors}), completions that carry other
 * variables than the step's fields ({@link StepFields}), and the task doors a worker may not use
 * ({@link TaskDoors}). Doors that skip the model's steps (starting at an activity, throwing a BPMN
 * error or escalation from a user task, message payloads into local scopes) are for process owners
 * and administrators, who repair data; Camunda records their changes in the user operation log.
 *
 * <p>Two people finishing parallel tasks of one opportunity at the same instant collide in the
 * engine's optimistic locking; {@link ConflictRetry} runs the loser's completion again, so both
 * succeed.
 */
public class DoorGuard extends CommandInterceptor {

  private final Map<String, ProcessRules> rulesByProcess;
  private final ProcessEngineConfigurationImpl configuration;
  private final ConfidentialDoors confidential;

  public DoorGuard(
      List<ProcessRules> rules,
      ProcessEngineConfigurationImpl configuration,
      Confidential confidential) {
    this.rulesByProcess =
        rules.stream().collect(Collectors.toMap(ProcessRules::processKey, Function.identity()));
    this.configuration = configuration;
    this.confidential = new ConfidentialDoors(confidential);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    Command<T> guarded = guard(command);
    if (!ConflictRetry.applies(command)) {
      return confidential.withoutConfidential(next.execute(guarded), authentication());
    }
    String taskId =
        command instanceof SubmitStartFormCmd
            ? null
            : CommandFields.read(command, "taskId", String.class);
    return ConflictRetry.run(
        () -> confidential.withoutConfidential(next.execute(guarded), authentication()),
        () ->
            taskId != null
                && next.execute(context -> context.getTaskManager().findTaskById(taskId) == null));
  }

  private <T> Command<T> guard(Command<T> command) {
    refuseJavaSerialized(payloadOf(command));
    confidential.refuseSingleRead(command, authentication());
    if (command instanceof AbstractQuery<?, ?> query) {
      QueryExpressions.refuseIn(query);
      confidential.refuseFiltersIn(query, authentication());
      if (query instanceof HistoricVariableInstanceQueryImpl
          || query instanceof HistoricDetailQueryImpl) {
        requireHistoryReader();
      }
      return command;
    }
    if (command instanceof AbstractExecuteFilterCmd) {
      Query<?, ?> extending = CommandFields.read(command, "extendingQuery", Query.class);
      QueryExpressions.refuseIn(extending);
      confidential.refuseFiltersIn(extending, authentication());
      return command;
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String variablesField = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
      @SuppressWarnings("unchecked")
      Map<String, Object> payload = CommandFields.read(command, variablesField, Map.class);
      String completed = CommandFields.read(command, "taskId", String.class);
      boolean resolve = command instanceof ResolveTaskCmd;
      return before(
          command,
          context -> {
            TaskEntity task = TaskDoors.existing(context, completed);
            if (resolve || task.getDelegationState() == DelegationState.PENDING) {
              requireDelegatedTo(task);
            }
            refuseStandingAside(task);
            checkCompletion(task, payload);
          });
    }
    if (command instanceof SaveUserCmd) {
      User user = CommandFields.read(command, "user", User.class);
      boolean skipPolicy = CommandFields.read(command, "skipPasswordPolicy", Boolean.class);
      return before(command, context -> checkPasswordPolicy(context, user, skipPolicy));
    }
    String taskId = runtimeTaskId(command);
    Command<T> known =
        taskId == null ? command : before(command, context -> TaskDoors.existing(context, taskId));
    if (command instanceof DeleteTaskCmd) {
      String deleted = CommandFields.read(command, "taskId", String.class);
      return before(command, context -> refuseDeletingProcessTask(context, deleted));
    }
    if (command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd
        || command instanceof StartProcessInstanceAtActivitiesCmd
        || startsAtInstructions(command)
        || carriesLocalPayload(command)
        || command instanceof SignalEventReceivedCmd
        || command instanceof SignalCmd
        || command instanceof AbstractRestartProcessInstanceCmd<?>) {
      requireProcessOwner(command);
      return known;
    }
    if (command instanceof GetTaskVariablesCmd
        || command instanceof GetTaskVariableCmd
        || command instanceof GetTaskVariableCmdTyped) {
      String read = CommandFields.read(command, "taskId", String.class);
      return before(command, context -> TaskDoors.existing(context, read));
    }
    if (command instanceof GetTaskFormVariablesCmd) {
      String read = CommandFields.read(command, "resourceId", String.class);
      return before(command, context -> TaskDoors.existing(context, read));
    }
    if (command instanceof GetExecutionVariablesCmd
        || command instanceof GetExecutionVariableCmd
        || command instanceof GetExecutionVariableTypedCmd) {
      String read = CommandFields.read(command, "executionId", String.class);
      return before(command, context -> existingExecution(context, read));
    }
    return TaskDoors.guard(known, command, authentication());
  }

  /**
   * An execution or process instance that does not exist, or has ended, is not found (404), a
   * refusal like any other; Camunda's variable resources would answer 500 and log an error.
   */
  private static void existingExecution(CommandContext context, String executionId) {
    if (executionId == null
        || context.getExecutionManager().findExecutionById(executionId) == null) {
      throw new InvalidRequestException(
          jakarta.ws.rs.core.Response.Status.NOT_FOUND,
          "No process instance or execution with id "
              + executionId
              + ": it does not exist or has ended");
    }
  }

  /**
   * Resolving is for the person a task was delegated to, with the step's fields, as {@link
   * StepFields} checks.
   */
  private void requireDelegatedTo(TaskEntity task) {
    Authentication user = authentication();
    if (user != null
        && !isProcessOwner(user)
        && (task.getDelegationState() != DelegationState.PENDING
            || !user.getUserId().equals(task.getAssignee()))) {
      throw new AuthorizationException(
          user.getUserId()
              + " may not resolve task "
              + task.getId()
              + ": only the person it is delegated to resolves it");
    }
  }

  /** The executive sponsor does not complete the approval of their own opportunity's incentives. */
  private void refuseStandingAside(TaskEntity task) {
    Authentication user = authentication();
    if (user != null && StepRoles.standsAside(task).filter(user.getUserId()::equals).isPresent()) {
      throw new AuthorizationException(StepRoles.whyAside(task, user.getUserId()));
    }
  }

  /**
   * A task of a process ends with its step; Camunda's refusal is a bare engine error (HTTP 500).
   */
  private void refuseDeletingProcessTask(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessInstanceId() == null) {
      return;
    }
    Authentication user = authentication();
    if (user != null && !isProcessOwner(user)) {
      throw new AuthorizationException(user.getUserId() + " may not delete task " + taskId);
    }
    throw new BadUserRequestException(
        "task "
            + taskId
            + " belongs to a running process and ends with its step;"
            + " it cannot be deleted");
  }

  /** The variables a command would write, for the commands that carry them. */
  @SuppressWarnings("unchecked")
  private static Map<String, ?> payloadOf(Command<?> command) {
    if (command instanceof CompleteTaskCmd
        || command instanceof SubmitStartFormCmd
        || command instanceof AbstractSetVariableCmd
        || command instanceof AbstractPatchVariablesCmd) {
      return CommandFields.read(command, "variables", Map.class);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return CommandFields.read(command, "properties", Map.class);
    }
    if (command instanceof StartProcessInstanceCmd) {
      return CommandFields.read(
              command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class)
          .getVariables();
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      return CommandFields.read(command, "builder", MessageCorrelationBuilderImpl.class)
          .getPayloadProcessInstanceVariables();
    }
    return null;
  }

  /**
   * Java-serialized values are refused (Camunda refuses them too, but as an engine error that REST
   * answers with 500); this names the variable and answers 400.
   */
  private static void refuseJavaSerialized(Map<String, ?> variables) {
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

  private static final String JAVA_SERIALIZED = Variables.SerializationDataFormats.JAVA.getName();

  /** The task a command works on, for the commands that need a running task: unknown means 404. */
  private static String runtimeTaskId(Command<?> command) {
    if (command instanceof ClaimTaskCmd
        || command instanceof AbstractSetTaskPropertyCmd<?>
        || command instanceof DeleteIdentityLinkCmd
        || command instanceof DelegateTaskCmd
        || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd) {
      return CommandFields.read(command, "taskId", String.class);
    }
    if (command instanceof SetTaskVariablesCmd
        || command instanceof RemoveTaskVariablesCmd
        || command instanceof PatchTaskVariablesCmd) {
      return CommandFields.read(command, "entityId", String.class);
    }
    return null;
  }

  private void checkCompletion(TaskEntity task, Map<String, Object> payload) {
    ProcessRules rules =
        task.getProcessDefinition() == null
            ? null
            : rulesByProcess.get(task.getProcessDefinition().getKey());
    TaskRule rule = rules == null ? null : rules.taskRules().get(task.getTaskDefinitionKey());
    if (rule != null) {
      StepFields.checkCompletion(task, rule.step(), payload);
    }
  }

  /**
   * Camunda refuses a password that breaks its policy with a bare engine exception (HTTP 500, no
   * field); the guard refuses it first with 400 naming {@code password} and the rules it breaks.
   */
  private static void checkPasswordPolicy(CommandContext context, User user, boolean skipPolicy) {
    if (skipPolicy
        || !(user instanceof UserEntity entity)
        || !entity.hasNewPassword()
        || !context.getProcessEngineConfiguration().isEnablePasswordPolicy()) {
      return;
    }
    String password = CommandFields.read(entity, "newPassword", String.class);
    PasswordPolicyResult result =
        context
            .getProcessEngineConfiguration()
            .getIdentityService()
            .checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      throw new BadUserRequestException(
          "password: does not meet the password policy: "
              + result.getViolatedRules().stream()
                  .map(rule -> rule.getPlaceholder() + " " + rule.getParameters())
                  .collect(Collectors.joining(", ")));
    }
  }

  private static boolean startsAtInstructions(Command<?> command) {
    return command instanceof StartProcessInstanceCmd
        && !CommandFields.read(
                command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class)
            .getModificationBuilder()
            .getModificationOperations()
            .isEmpty();
  }

  private static boolean carriesLocalPayload(Command<?> command) {
    if (!(command instanceof AbstractCorrelateMessageCmd)) {
      return false;
    }
    MessageCorrelationBuilderImpl correlation =
        CommandFields.read(command, "builder", MessageCorrelationBuilderImpl.class);
    return !isEmpty(correlation.getPayloadProcessInstanceVariablesLocal())
        || !isEmpty(correlation.getPayloadProcessInstanceVariablesToTriggeredScope());
  }

  private static boolean isEmpty(Map<String, Object> variables) {
    return variables == null || variables.isEmpty();
  }

  private void requireProcessOwner(Command<?> command) {
    Authentication user = authentication();
    if (user != null && !isProcessOwner(user)) {
      throw new AuthorizationException(
          user.getUserId()
              + " may not "
              + TaskDoors.describe(command)
              + ": only process owners and administrators may skip or repair the model's steps");
    }
  }

  /**
   * The values of the history are for auditors, process owners and administrators. Camunda lets
   * anyone who may read one task of an instance read every historic variable of that instance, so
   * the people still rating or voting would read the others' answers there (they read their own
   * tasks' values at runtime, and the opportunity's story through the product).
   */
  private void requireHistoryReader() {
    Authentication user = authentication();
    if (user != null && !isProcessOwner(user) && !groupsOf(user).contains(Groups.AUDITORS)) {
      throw new AuthorizationException(
          user.getUserId()
              + " may not read the variable history: auditors, process owners and administrators may");
    }
  }

  private static List<String> groupsOf(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  static boolean isProcessOwner(Authentication user) {
    List<String> groups = groupsOf(user);
    return groups.contains(Groups.PROCESS_OWNERS) || groups.contains(Groups.CAMUNDA_ADMIN);
  }

  private Authentication authentication() {
    return configuration.getIdentityService().getCurrentAuthentication();
  }

  /** {@code command}, with {@code check} run first inside its command context. */
  static <T> Command<T> before(
      Command<T> command, java.util.function.Consumer<CommandContext> check) {
    return new Command<>() {
      @Override
      public T execute(CommandContext context) {
        check.accept(context);
        return command.execute(context);
      }
    };
  }
}
