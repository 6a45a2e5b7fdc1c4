package org.opencollab.notify;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opencollab.notify.TaskMails.DelegateTaskFacts;
import org.opencollab.notify.TaskMails.Recipients;
import org.opencollab.opportunity.OpportunityVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds by mail of every open task whose due date has passed, once per task and due date, every
 * {@code collab.mail.overdue-scan} (docs/employees.md, "E-mail"): the assignee, or the members of
 * its candidate groups. {@code COLLAB_OVERDUE_REMINDER} remembers what was sent, so a restart or a
 * second node does not send it again; a due date moved later and passed again is reminded again.
 */
@Component
public class OverdueMails {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueMails.class);
  private static final int TASKS_PER_SCAN = 500;

  private final ProcessEngine engine;
  private final Outbox outbox;
  private final TaskMails mails;
  private final JdbcTemplate jdbc;

  public OverdueMails(ProcessEngine engine, Outbox outbox, TaskMails mails, DataSource dataSource) {
    this.engine = engine;
    this.outbox = outbox;
    this.mails = mails;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Scheduled(
      fixedDelayString = "${collab.mail.overdue-scan:PT5M}",
      initialDelayString = "${collab.mail.overdue-scan:PT5M}")
  public void scheduled() {
    try {
      remind();
    } catch (RuntimeException e) {
      LOG.warn("overdue reminders: the scan failed and runs again later: {}", e.getMessage());
    }
  }

  /**
   * @return how many reminders were sent
   */
  public int remind() {
    if (!outbox.enabled()) {
      return 0;
    }
    Date now = ClockUtil.getCurrentTime();
    int sent = 0;
    for (int first = 0; ; first += TASKS_PER_SCAN) {
      List<Task> overdue =
          engine
              .getTaskService()
              .createTaskQuery()
              .dueBefore(now)
              .orderByDueDate()
              .asc()
              .orderByTaskId()
              .asc()
              .listPage(first, TASKS_PER_SCAN);
      for (Task task : overdue) {
        if (claim(task, now)) {
          try {
            if (remind(task)) {
              sent++;
            }
          } catch (RuntimeException e) {
            // Not sent: the next scan tries again (the task may have ended meanwhile).
            unclaim(task);
            LOG.warn("overdue reminder for task {} not sent: {}", task.getId(), e.getMessage());
          }
        }
      }
      if (overdue.size() < TASKS_PER_SCAN) {
        return sent;
      }
    }
  }

  private boolean remind(Task task) {
    IdentityService identity = engine.getIdentityService();
    List<String> to =
        task.getAssignee() != null
            ? Recipients.users(identity, Set.of(task.getAssignee()))
            : Recipients.groups(identity, candidateGroups(task));
    var variables = engine.getTaskService().getVariables(task.getId());
    DelegateTaskFacts facts =
        new DelegateTaskFacts(
            task.getId(),
            task.getName(),
            task.getDueDate(),
            DelegateTaskFacts.text(variables.get(OpportunityVariables.OPPORTUNITY_ID)),
            DelegateTaskFacts.text(variables.get(OpportunityVariables.CUSTOMER_NAME)),
            DelegateTaskFacts.text(variables.get(OpportunityVariables.TITLE)));
    return outbox.queue("overdue:" + task.getId(), mails.overdue(facts, to));
  }

  private void unclaim(Task task) {
    jdbc.update(
        "DELETE FROM COLLAB_OVERDUE_REMINDER WHERE TASK_ID_ = ? AND DUE_ = ?",
        task.getId(),
        new Timestamp(task.getDueDate().getTime()));
  }

  /** Records the reminder of this task and due date; false when it was sent already. */
  private boolean claim(Task task, Date now) {
    try {
      jdbc.update(
          "INSERT INTO COLLAB_OVERDUE_REMINDER (TASK_ID_, DUE_, SENT_) VALUES (?, ?, ?)",
          task.getId(),
          new Timestamp(task.getDueDate().getTime()),
          new Timestamp(now.getTime()));
      return true;
    } catch (DuplicateKeyException remindedAlready) {
      return false;
    }
  }

  private Set<String> candidateGroups(Task task) {
    Set<String> groups = new TreeSet<>();
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }
}
