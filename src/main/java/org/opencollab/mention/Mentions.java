package org.opencollab.mention;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.identity.Department;
import org.opencollab.identity.Membership;
import org.opencollab.notify.ChatOutbox;
import org.opencollab.notify.Mail;
import org.opencollab.notify.Outbox;
import org.opencollab.opportunity.OpportunityReaders;
import org.opencollab.opportunity.OpportunityRecords;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.variables.Rule;
import org.springframework.stereotype.Component;

/**
 * A task comment that mentions {@code @userId} tells that person (the plan's example of digital
 * collaboration: 飞书 @技术负责人, mentioning the tech lead where the work is written down): by mail, and
 * in the chat group of each department they belong to, mentioning them there. Only someone who may
 * read the opportunity the task belongs to ({@link OpportunityReaders}) may be mentioned: a comment
 * that mentions anyone else, or a user who does not exist, is refused, naming them, and nobody is
 * told anything. A comment on a task of no opportunity (the health check's review) mentions only
 * those who read every opportunity. Mentioning oneself tells nobody.
 */
@Component
public class Mentions {

  /** {@code @} then a user id, not preceded by what would make it an e-mail address. */
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\p{Alnum}._%+-])@([\\p{Alnum}](?:[\\p{Alnum}._-]*[\\p{Alnum}])?)");

  private final Outbox mail;
  private final ChatOutbox chat;

  public Mentions(Outbox mail, ChatOutbox chat) {
    this.mail = mail;
    this.chat = chat;
  }

  /** The user ids {@code message} mentions, each once, in the order they first appear. */
  public static List<String> in(String message) {
    Set<String> mentioned = new LinkedHashSet<>();
    if (message != null) {
      Matcher mention = MENTION.matcher(message);
      while (mention.find()) {
        mentioned.add(mention.group(1));
      }
    }
    return List.copyOf(mentioned);
  }

  /**
   * Checks the mentions of {@code message}, which {@code author} writes on task {@code taskId} (or,
   * without a task, on process instance {@code processInstanceId}), and queues the news for each
   * person mentioned, sent when the comment is saved.
   *
   * @return the rule the comment breaks when it mentions someone who may not read it
   */
  public Optional<Rule> announce(
      ProcessEngineServices engine,
      String author,
      String taskId,
      String processInstanceId,
      String message) {
    return announce(engine, author, taskId, processInstanceId, message, null);
  }

  /**
   * As {@link #announce(ProcessEngineServices, String, String, String, String)}, for a comment
   * changed from {@code before}: everyone it mentions must still read it, and only those it did not
   * mention before are told.
   */
  public Optional<Rule> announce(
      ProcessEngineServices engine,
      String author,
      String taskId,
      String processInstanceId,
      String message,
      String before) {
    List<String> mentioned = new ArrayList<>(in(message));
    mentioned.remove(author);
    if (mentioned.isEmpty()) {
      return Optional.empty();
    }
    Task task = taskId == null ? null : task(engine, taskId);
    String instance = task != null ? task.getProcessInstanceId() : processInstanceId;
    HistoricProcessInstance opportunity = opportunityOf(engine, instance);
    List<User> people = new ArrayList<>();
    for (String userId : mentioned) {
      User user = user(engine, userId);
      if (user == null) {
        return Optional.of(
            new Rule("@" + userId + " is no user of this application", "@" + userId + " 不是本系统的用户"));
      }
      boolean reads =
          opportunity == null
              ? OpportunityReaders.readsAny(engine.getIdentityService(), userId)
              : OpportunityReaders.mayRead(engine, userId, opportunity);
      if (!reads) {
        String what =
            opportunity == null ? "this task" : "opportunity " + opportunity.getBusinessKey();
        String whatZh = opportunity == null ? "此任务" : "商机 " + opportunity.getBusinessKey();
        return Optional.of(
            new Rule(
                "@" + userId + " may not read " + what + ", so cannot be mentioned here",
                "@" + userId + " 无权查看" + whatZh + "，不能在此提及"));
      }
      people.add(user);
    }
    String taskName = task == null ? null : task.getName();
    List<String> toldBefore = in(before);
    for (User person : people) {
      if (!toldBefore.contains(person.getId())) {
        tell(engine, author, person, taskId, taskName, opportunity, message);
      }
    }
    return Optional.empty();
  }

  private void tell(
      ProcessEngineServices engine,
      String author,
      User person,
      String taskId,
      String taskName,
      HistoricProcessInstance opportunity,
      String message) {
    String key = "mention:" + (taskId == null ? "" : taskId) + ":" + person.getId();
    String where =
        (taskName == null ? "" : taskName)
            + (opportunity == null ? "" : " (" + opportunity.getBusinessKey() + ")");
    if (mail.enabled() && person.getEmail() != null && !person.getEmail().isBlank()) {
      StringBuilder body = new StringBuilder();
      body.append(author)
          .append(" mentioned you in a comment / ")
          .append(author)
          .append(" 在评论中提到了您:\n\n");
      body.append("  ").append(message.replace("\n", "\n  ")).append("\n\n");
      if (!where.isBlank()) {
        body.append("  Task / 任务: ").append(where.trim()).append('\n');
      }
      if (taskId != null) {
        body.append("  Open it in Tasklist / 在 Tasklist 中打开: ")
            .append(mail.settings().taskLink(taskId))
            .append('\n');
      }
      body.append("\nOpportunity collaboration / 商机协作\n");
      mail.queue(
          key,
          new Mail(
              List.of(person.getEmail()),
              "Mentioned by " + author + " / " + author + " 提到了您: " + where.trim(),
              body.toString()));
    }
    // The department's group is no reader of the opportunity: it hears who was mentioned, and
    // the person follows the link to read the comment where they may.
    String text =
        "@"
            + person.getId()
            + " "
            + author
            + " mentioned you in a comment / "
            + author
            + " 在评论中提到了您"
            + (taskId == null ? "" : "\n" + mail.settings().taskLink(taskId));
    for (Department department : Department.values()) {
      if (chat.enabled(department.name())
          && Membership.isMember(
              engine.getIdentityService(), person.getId(), department.groupId())) {
        chat.queue(department.name(), key + ":" + department.name(), text, List.of(person.getId()));
      }
    }
  }

  /** The opportunity a process instance belongs to: itself, or the one its dispute is about. */
  private static HistoricProcessInstance opportunityOf(
      ProcessEngineServices engine, String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    HistoricProcessInstance instance =
        WithoutAuthorization.query(
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult());
    if (instance == null) {
      return null;
    }
    if (OpportunityVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
      return instance;
    }
    if (ArbitrationVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
      return OpportunityRecords.variable(
              engine.getHistoryService(), instance.getId(), ArbitrationVariables.OPPORTUNITY_ID)
          .flatMap(id -> OpportunityRecords.find(engine.getHistoryService(), id.toString()))
          .orElse(null);
    }
    return null;
  }

  private static Task task(ProcessEngineServices engine, String taskId) {
    return WithoutAuthorization.query(
        () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
  }

  private static User user(ProcessEngineServices engine, String userId) {
    return WithoutAuthorization.query(
        () -> engine.getIdentityService().createUserQuery().userId(userId).singleResult());
  }
}
