package org.opencollab.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.opportunity.CustomerFeedback;
import org.opencollab.opportunity.LateSteps;
import org.opencollab.opportunity.OpportunityVariables;

/**
 * One health check's reading of the engine's history between {@code from} and {@code to}
 * (docs/collaboration-health.md): it reads the period through a {@link HistoryWindow}, one day at a
 * time, tells {@link HealthFigures} what it finds, and has {@link HealthReport} write the report.
 * Held in memory: per task of the period a duration (eight bytes), per task offered to a
 * department's group its id, and a few figures per department, person and opportunity.
 */
final class HealthAssessment {

  static final String OPPORTUNITY_PROCESS = "opportunityToDelivery";
  static final String ARBITRATION_PROCESS = "collaborationArbitration";

  /** The start of event sub-process <i>A step is late</i>, in both processes. */
  static final String LATE_STEP_START = "StartEvent_StepLate";

  private final ProcessEngineServices engine;
  private final HistoryService history;
  private final HistoryWindow window;
  private final Instant from;
  private final Instant to;
  private final HealthFigures figures = new HealthFigures();
  private final WorkDepartments departments;

  HealthAssessment(ProcessEngineServices engine, Instant from, Instant to) {
    this.engine = engine;
    this.history = engine.getHistoryService();
    this.window = new HistoryWindow(history, from, to);
    this.departments = new WorkDepartments(engine);
    this.from = from;
    this.to = to;
  }

  ObjectNode report() {
    departmentTasks();
    slaTimers();
    lateSteps();
    customerFeedback();
    disputes();
    opportunities();
    agreements();
    sprints();
    return new HealthReport(engine.getDecisionService(), figures).write(from, to);
  }

  /**
   * Tasks created in the period. A task offered to a department's group (a candidate group) is that
   * department's, and its claim time runs from creation to its first assignee (or to its
   * completion, when it was completed without a claim). Any other task is the department of its
   * assignee.
   */
  private void departmentTasks() {
    Map<String, String> offeredTo = new HashMap<>();
    window.eachDay(
        (first, last) -> links(IdentityLinkType.CANDIDATE, first, last),
        link ->
            WorkDepartments.of(link.getGroupId())
                .ifPresent(department -> offeredTo.putIfAbsent(link.getTaskId(), department)));
    Map<String, Instant> pickedUp = new HashMap<>();
    window.eachDay(
        (first, last) -> links(IdentityLinkType.ASSIGNEE, first, last),
        link -> {
          if (offeredTo.containsKey(link.getTaskId())) {
            pickedUp.putIfAbsent(link.getTaskId(), link.getTime().toInstant());
          }
        });
    window.eachDay(
        (first, last) ->
            history
                .createHistoricTaskInstanceQuery()
                .startedAfter(first)
                .startedBefore(last)
                .list(),
        (HistoricTaskInstance task) -> {
          String offered = offeredTo.get(task.getId());
          Optional<String> department =
              offered != null ? Optional.of(offered) : departments.ofUser(task.getAssignee());
          department.ifPresent(
              code ->
                  figures.task(
                      code, asRecorded(task), offered != null, pickedUp.get(task.getId())));
        });
  }

  private List<HistoricIdentityLinkLog> links(String type, Date first, Date last) {
    return history
        .createHistoricIdentityLinkLogQuery()
        .type(type)
        .operationType("add")
        .dateAfter(first)
        .dateBefore(last)
        .orderByTime()
        .asc()
        .list();
  }

  private static HealthFigures.Task asRecorded(HistoricTaskInstance task) {
    return new HealthFigures.Task(
        task.getId(),
        task.getName(),
        task.getProcessInstanceId(),
        task.getStartTime().toInstant(),
        task.getEndTime() == null ? null : task.getEndTime().toInstant(),
        task.getEndTime() != null && "completed".equals(task.getDeleteReason()));
  }

  /** Timers on a department's task that fired in the period (due dates and reminders missed). */
  private void slaTimers() {
    window.eachDay(
        (first, last) ->
            history
                .createHistoricActivityInstanceQuery()
                .activityType("boundaryTimer")
                .startedAfter(first)
                .startedBefore(last)
                .list(),
        (HistoricActivityInstance timer) -> figures.slaTimer(departments.ofTimer(timer)));
  }

  /**
   * Steps whose service level passed in the period (the late-step timer of any other task): each
   * counts like a timer on its task, for the task's department.
   */
  private void lateSteps() {
    window.eachDay(
        (first, last) ->
            history
                .createHistoricActivityInstanceQuery()
                .activityId(LATE_STEP_START)
                .startedAfter(first)
                .startedBefore(last)
                .list(),
        (HistoricActivityInstance late) -> {
          HistoricVariableInstance task =
              HistoryWindow.read(
                  () ->
                      history
                          .createHistoricVariableInstanceQuery()
                          .activityInstanceIdIn(late.getParentActivityInstanceId())
                          .variableName(LateSteps.LATE_TASK_ID)
                          .singleResult());
          figures.slaTimer(
              task == null ? Optional.empty() : departments.ofLateTask((String) task.getValue()));
        });
  }

  /**
   * Customer feedback recorded in the period ({@code AnswerCustomerFeedback} tasks created), and
   * how long tech took to answer each one answered by the end of the period.
   */
  private void customerFeedback() {
    window.eachDay(
        (first, last) ->
            history
                .createHistoricTaskInstanceQuery()
                .taskDefinitionKey(CustomerFeedback.TASK)
                .startedAfter(first)
                .startedBefore(last)
                .list(),
        (HistoricTaskInstance answer) ->
            figures.customerFeedback(
                answer.getEndTime() != null
                        && "completed".equals(answer.getDeleteReason())
                        && !answer.getEndTime().toInstant().isAfter(to)
                    ? answer.getEndTime().getTime() - answer.getStartTime().getTime()
                    : null));
  }

  private void disputes() {
    window.eachDay(
        (first, last) -> {
          List<String> raised =
              window.instances(ARBITRATION_PROCESS, false, first, last).stream()
                  .map(HistoricProcessInstance::getId)
                  .toList();
          window
              .variables(
                  raised,
                  ArbitrationVariables.RAISED_BY_DEPARTMENT,
                  ArbitrationVariables.AGAINST_DEPARTMENT,
                  ArbitrationVariables.DISPUTE_TYPE,
                  ArbitrationVariables.OPPORTUNITY_ID)
              .forEach(figures::disputeRaised);
        });
    window.eachDay(
        (first, last) -> {
          List<HistoricProcessInstance> settled =
              window.instances(ARBITRATION_PROCESS, true, first, last);
          Map<String, Map<String, Object>> rulings =
              window.variables(
                  settled.stream().map(HistoricProcessInstance::getId).toList(),
                  ArbitrationVariables.RULING,
                  ArbitrationVariables.RAISED_BY_DEPARTMENT,
                  ArbitrationVariables.AGAINST_DEPARTMENT);
          for (HistoricProcessInstance dispute : settled) {
            Map<String, Object> values = rulings.getOrDefault(dispute.getId(), Map.of());
            Object ruling = values.get(ArbitrationVariables.RULING);
            if (ruling != null) {
              Set<String> parties = new TreeSet<>();
              for (String party :
                  List.of(
                      ArbitrationVariables.RAISED_BY_DEPARTMENT,
                      ArbitrationVariables.AGAINST_DEPARTMENT)) {
                if (values.get(party) != null) {
                  parties.add(values.get(party).toString());
                }
              }
              figures.disputeSettled(dispute.getDurationInMillis(), ruling, parties);
            }
          }
        });
  }

  private void opportunities() {
    window.eachDay(
        (first, last) -> {
          List<String> ids =
              window.instances(OPPORTUNITY_PROCESS, false, first, last).stream()
                  .map(HistoricProcessInstance::getId)
                  .toList();
          Map<String, Map<String, Object>> started =
              window.variables(
                  ids, OpportunityVariables.TECH_PARTICIPATION, OpportunityVariables.TEAM_MEMBERS);
          for (String id : ids) {
            figures.opportunityStarted(
                started.get(id).get(OpportunityVariables.TECH_PARTICIPATION),
                started.get(id).get(OpportunityVariables.TEAM_MEMBERS));
          }
        });
    window.eachDay(
        (first, last) -> {
          List<String> ids =
              window.instances(OPPORTUNITY_PROCESS, true, first, last).stream()
                  .map(HistoricProcessInstance::getId)
                  .toList();
          window
              .variables(
                  ids,
                  OpportunityVariables.FINAL_OUTCOME,
                  OpportunityVariables.NEW_PRODUCT,
                  OpportunityVariables.PRESS_RELEASE_REQUIRED,
                  OpportunityVariables.INCENTIVE_STATEMENT,
                  OpportunityVariables.LOSS_STATEMENT,
                  OpportunityVariables.OPPORTUNITY_ID,
                  OpportunityVariables.TEAM_MEMBERS)
              .values()
              .forEach(figures::opportunityFinished);
        });
  }

  /** Agreements that came into force in the period: how long after identification. */
  private void agreements() {
    window.eachDay(
        (first, last) -> {
          List<HistoricActivityInstance> signed =
              HistoryWindow.read(
                  () ->
                      history
                          .createHistoricActivityInstanceQuery()
                          .activityId("Gateway_AgreementSettled")
                          .startedAfter(first)
                          .startedBefore(last)
                          .list());
          Map<String, Long> identified = new HashMap<>();
          for (List<String> chunk :
              HistoryWindow.chunks(
                  signed.stream().map(HistoricActivityInstance::getProcessInstanceId).toList())) {
            for (HistoricProcessInstance opportunity :
                HistoryWindow.read(
                    () ->
                        history
                            .createHistoricProcessInstanceQuery()
                            .processInstanceIds(new LinkedHashSet<>(chunk))
                            .list())) {
              identified.put(opportunity.getId(), opportunity.getStartTime().getTime());
            }
          }
          for (HistoricActivityInstance agreement : signed) {
            Long start = identified.get(agreement.getProcessInstanceId());
            if (start != null) {
              figures.agreementSigned(agreement.getStartTime().getTime() - start);
            }
          }
        });
  }

  /**
   * Opportunities whose sprints were reviewed in the period, with how many of their reviews fell in
   * it. Reviews are recorded in order, so the period's are the last ones.
   */
  private void sprints() {
    Map<String, Integer> reviewedInPeriod = new LinkedHashMap<>();
    window.eachDay(
        (first, last) ->
            history
                .createHistoricActivityInstanceQuery()
                .activityId("ReviewSprint")
                .finishedAfter(first)
                .finishedBefore(last)
                .list(),
        (HistoricActivityInstance review) -> {
          if (!review.isCanceled()) {
            reviewedInPeriod.merge(review.getProcessInstanceId(), 1, Integer::sum);
          }
        });
    for (List<String> chunk : HistoryWindow.chunks(new ArrayList<>(reviewedInPeriod.keySet()))) {
      window
          .variables(
              chunk, OpportunityVariables.SPRINT_REVIEWS, OpportunityVariables.OPPORTUNITY_ID)
          .forEach(
              (instance, opportunity) ->
                  figures.sprintReviews(opportunity, reviewedInPeriod.get(instance)));
    }
  }
}
