package org.opencollab.notify;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opencollab.config.EnginePlugins;
import org.opencollab.config.UserTaskListeners;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.identity.Department;
import org.opencollab.opportunity.OpportunityVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mail about tasks (docs/employees.md, "E-mail"): when a user task of any process is created, its
 * assignee, or every member of its candidate groups, is told; when a task is later handed to
 * someone, that person is told (not when they claim it themselves). A task for a department's group
 * is also posted to that department's chat group, where it has one. Built-in listeners, attached to
 * every user task as it is deployed, so no model needs to mention them.
 */
@Component
@Order(EnginePlugins.TASK_MAILS)
public class TaskMails extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskMails.class);

  private final Outbox outbox;
  private final ChatOutbox chat;

  public TaskMails(Outbox outbox, ChatOutbox chat) {
    this.outbox = outbox;
    this.chat = chat;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.attach(configuration, false, TaskListener.EVENTNAME_CREATE, this::created);
    UserTaskListeners.attach(
        configuration, false, TaskListener.EVENTNAME_ASSIGNMENT, this::assigned);
  }

  /** Mail never breaks the work it reports: a failure to compose it is logged, not thrown. */
  private void safely(String what, DelegateTask task, Runnable mail) {
    try {
      mail.run();
    } catch (RuntimeException e) {
      LOG.warn("no {} mail for task {}: {}", what, task.getId(), e.getMessage());
    }
  }

  void created(DelegateTask task) {
    safely("new-task", task, () -> newTask(task));
  }

  void assigned(DelegateTask task) {
    safely("assignment", task, () -> handedOver(task));
  }

  private void newTask(DelegateTask task) {
    toDepartmentChats(task);
    if (!outbox.enabled()) {
      return;
    }
    List<String> to =
        task.getAssignee() != null
            ? Recipients.users(identity(task), Set.of(task.getAssignee()))
            : Recipients.groups(identity(task), candidateGroups(task));
    outbox.queue(
        "task:" + task.getId(),
        compose(task, "New task / 新任务", "A task is waiting for you / 您有一项新任务", to));
  }

  /**
   * A task for a department's group (a sign-off, an input report) is also posted to that
   * department's chat group, when it has one ({@link ChatSettings}).
   */
  private void toDepartmentChats(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    for (String group : candidateGroups(task)) {
      if (Department.isCode(group.toUpperCase(Locale.ROOT)) && chat.enabled(group)) {
        DelegateTaskFacts facts = DelegateTaskFacts.of(task);
        String context = facts.context();
        chat.queue(
            group,
            "task:" + task.getId(),
            "New task / 新任务 ("
                + Department.labelOf(group.toUpperCase(Locale.ROOT))
                + "): "
                + facts.name()
                + (context.isEmpty() || facts.name().contains(context) ? "" : " — " + context)
                + "\n"
                + "Due / 截止: "
                + due(facts.due())
                + "\n"
                + outbox.settings().taskLink(task.getId()),
            List.of());
      }
    }
  }

  private void handedOver(DelegateTask task) {
    String assignee = task.getAssignee();
    if (!outbox.enabled()
        || assignee == null
        || outbox.queued("task:" + task.getId())
        || Objects.equals(assignee, Context.getCommandContext().getAuthenticatedUserId())) {
      return;
    }
    outbox.queue(
        "assigned:" + task.getId() + ":" + assignee,
        compose(
            task,
            "Task assigned to you / 任务已分配给您",
            "A task has been handed to you / 有一项任务交给了您",
            Recipients.users(identity(task), Set.of(assignee))));
  }

  /** A reminder that {@code task} is past its due date. */
  Mail overdue(DelegateTaskFacts task, List<String> to) {
    return compose(task, "Task overdue / 任务已逾期", "This task is past its due date / 此任务已超过截止时间", to);
  }

  private Mail compose(DelegateTask task, String what, String greeting, List<String> to) {
    return compose(DelegateTaskFacts.of(task), what, greeting, to);
  }

  Mail compose(DelegateTaskFacts task, String what, String greeting, List<String> to) {
    String context = task.context();
    // A task of an opportunity is named with its context already
    // (org.opencollab.tasklist.TaskNames).
    String subject =
        what
            + ": "
            + task.name()
            + (context.isEmpty() || task.name().contains(context) ? "" : " — " + context);
    StringBuilder body = new StringBuilder();
    body.append(greeting).append(":\n\n");
    body.append("  Task / 任务: ").append(task.name()).append('\n');
    if (!context.isEmpty()) {
      body.append("  Opportunity / 商机: ").append(context).append('\n');
    }
    if (task.title() != null) {
      body.append("  Title / 标题: ").append(task.title()).append('\n');
    }
    body.append("  Due / 截止: ").append(due(task.due())).append('\n');
    body.append("  Open it in Tasklist / 在 Tasklist 中打开: ")
        .append(outbox.settings().taskLink(task.id()))
        .append("\n\n");
    body.append("Opportunity collaboration / 商机协作\n");
    return new Mail(to, subject, body.toString());
  }

  static String due(Date due) {
    if (due == null) {
      return "none / 无";
    }
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm 'UTC'");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(due);
  }

  private static IdentityService identity(DelegateTask task) {
    return task.getProcessEngineServices().getIdentityService();
  }

  private static Set<String> candidateGroups(DelegateTask task) {
    Set<String> groups = new TreeSet<>();
    for (IdentityLinkEntity link : ((TaskEntity) task).getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  /** The facts a message gives about a task, from a running task or a queried one. */
  record DelegateTaskFacts(
      String id, String name, Date due, String opportunityId, String customer, String title) {

    static DelegateTaskFacts of(DelegateTask task) {
      return new DelegateTaskFacts(
          task.getId(),
          task.getName(),
          task.getDueDate(),
          text(task.getVariable(OpportunityVariables.OPPORTUNITY_ID)),
          text(task.getVariable(OpportunityVariables.CUSTOMER_NAME)),
          text(task.getVariable(OpportunityVariables.TITLE)));
    }

    /** "OPP-2026-0042 Hangzhou Lianxin", or what of it is known. */
    String context() {
      return String.join(
              " ", opportunityId == null ? "" : opportunityId, customer == null ? "" : customer)
          .trim();
    }

    static String text(Object value) {
      return value == null ? null : value.toString();
    }
  }

  /** E-mail addresses of users and of the members of groups; users without one are skipped. */
  static final class Recipients {

    private Recipients() {}

    static List<String> users(IdentityService identity, Set<String> userIds) {
      return WithoutAuthorization.query(
          () ->
              identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
                  .map(User::getEmail)
                  .filter(email -> email != null && !email.isBlank())
                  .distinct()
                  .sorted()
                  .toList());
    }

    static List<String> groups(IdentityService identity, Set<String> groupIds) {
      return WithoutAuthorization.query(
          () -> {
            Set<String> emails = new TreeSet<>();
            for (String group : groupIds) {
              identity.createUserQuery().memberOfGroup(group).list().stream()
                  .map(User::getEmail)
                  .filter(email -> email != null && !email.isBlank())
                  .forEach(emails::add);
            }
            return List.copyOf(emails);
          });
    }
  }
}
