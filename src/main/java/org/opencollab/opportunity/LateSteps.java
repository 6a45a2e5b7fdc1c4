package org.opencollab.opportunity;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.models.ChineseNames;
import org.opencollab.rules.ProcessRules.Step;
import org.opencollab.variables.VariableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A step whose service level has passed (docs/process-owners.md, "Service levels"). Each user task
 * carries a timeout listener {@code ${lateSteps}} whose timer runs for the task's column of DMN
 * {@code serviceLevels}; when it fires and the task is still open, this listener sends message
 * {@code StepLate} to the task's own process instance. Its event sub-process <i>A step is late</i>
 * reminds the task's people and asks a coordinator to follow up ({@code FollowUpLateStep}), with
 * what the follow-up shows written into that sub-process's own scope, so two late steps at once
 * keep their facts apart. The late task itself stays open. The same listener, on the task's
 * completion, sends {@code LateStepDone} to the follow-up still open for that task, if any, which
 * then ends: there is nothing left to chase.
 */
@Component("lateSteps")
public class LateSteps implements TaskListener {

  /** The message the timeout listener sends; nobody outside the process may send it. */
  public static final String MESSAGE = "StepLate";

  /** The message a late task sends its open follow-up when it is completed; the process's own. */
  public static final String DONE_MESSAGE = "LateStepDone";

  /** The messages of late steps, which only the process sends. */
  public static final List<String> MESSAGES = List.of(MESSAGE, DONE_MESSAGE);

  /** The coordinator's follow-up task of the event sub-process. */
  public static final String FOLLOW_UP_TASK = "FollowUpLateStep";

  /** The late task's id, its activity, its name in both languages, who holds it, since when. */
  public static final String LATE_TASK_ID = "lateTaskId";

  public static final String LATE_STEP = "lateStep";
  public static final String LATE_STEP_NAME = "lateStepName";
  public static final String LATE_WITH = "lateWith";
  public static final String LATE_SINCE = "lateSince";

  /** What the coordinator did, and their note. */
  public static final String LATE_STEP_ACTION = "lateStepAction";

  public static final String LATE_STEP_NOTE = "lateStepNote";

  /**
   * Talked to the people who hold it; gave it to someone else; raised a dispute (a RESPONSIBILITY
   * dispute, for work passed back and forth).
   */
  public static final List<String> ACTIONS = List.of("CONTACTED", "REASSIGNED", "DISPUTE_RAISED");

  private static final Logger LOG = LoggerFactory.getLogger(LateSteps.class);

  /**
   * The step {@code FollowUpLateStep} of any process: it writes what the coordinator did and a
   * note, and shows the opportunity's key facts and the late step. A dispute carries the same key
   * facts, so one form serves both processes.
   */
  public static Step followUp() {
    return Step.writes(LATE_STEP_ACTION, LATE_STEP_NOTE)
        .shows(
            List.of(
                OpportunityVariables.OPPORTUNITY_ID,
                OpportunityVariables.CUSTOMER_NAME,
                OpportunityVariables.TITLE,
                OpportunityVariables.PRIORITY),
            LATE_STEP_NAME,
            LATE_WITH,
            LATE_SINCE);
  }

  /** What a completed follow-up must hold: one of {@link #ACTIONS} and a note. */
  public static void checkFollowUp(VariableReader variables) {
    variables.oneOf(LATE_STEP_ACTION, ACTIONS);
    variables.requiredString(LATE_STEP_NOTE);
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      done(task);
    } else {
      late(task);
    }
  }

  /** Ends the follow-up of this task, when one is open (it carries the task's id). */
  private static void done(DelegateTask task) {
    task.getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(DONE_MESSAGE)
        .processInstanceId(task.getProcessInstanceId())
        .localVariableEquals(LATE_TASK_ID, task.getId())
        .correlateAllWithResult();
  }

  private static void late(DelegateTask task) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(LATE_TASK_ID, task.getId());
    facts.put(LATE_STEP, task.getTaskDefinitionKey());
    facts.put(LATE_STEP_NAME, name(task));
    facts.put(LATE_WITH, holders(task));
    facts.put(LATE_SINCE, due(task.getDueDate()));
    // The follow-up's own fields start empty in its scope, so its outcome stays there too.
    facts.put(LATE_STEP_ACTION, null);
    facts.put(LATE_STEP_NOTE, null);
    int opened =
        task.getProcessEngineServices()
            .getRuntimeService()
            .createMessageCorrelation(MESSAGE)
            .processInstanceId(task.getProcessInstanceId())
            .setVariablesToTriggeredScope(facts)
            .correlateAllWithResult()
            .size();
    if (opened == 0) {
      // A model version without the event sub-process: the due date and the overdue mail remain.
      LOG.info(
          "task {} ({}) is late; its process {} has no follow-up for late steps",
          task.getId(),
          task.getTaskDefinitionKey(),
          task.getProcessDefinitionId());
    }
  }

  /** The due date as people read it in the follow-up's form, in UTC like the mails. */
  private static String due(Date due) {
    if (due == null) {
      return null;
    }
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(due);
  }

  /** The task's name in both languages, as the model names it: "Review sprint / 评审冲刺". */
  static String name(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    String english = element == null ? task.getTaskDefinitionKey() : element.getName();
    return element == null ? english : ChineseNames.bilingual(english, ChineseNames.of(element));
  }

  /** The assignee by name, else the candidate groups by name: who the late step waits for. */
  private static String holders(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    return WithoutAuthorization.query(
        () -> {
          if (task.getAssignee() != null) {
            return person(identity, task.getAssignee());
          }
          TreeSet<String> groups = new TreeSet<>();
          for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
              Group group = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
              groups.add(group == null ? link.getGroupId() : group.getName());
            }
          }
          return String.join(", ", groups);
        });
  }

  /** A person by name and id, "Bob Li (bob)"; the id alone for an unknown one. */
  static String person(IdentityService identity, String userId) {
    User user =
        WithoutAuthorization.query(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : fullName(user);
  }

  private static String fullName(User user) {
    String name =
        String.join(
                " ",
                Objects.toString(user.getFirstName(), ""),
                Objects.toString(user.getLastName(), ""))
            .trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }
}
