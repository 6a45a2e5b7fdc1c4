package org.opencollab.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.opencollab.identity.Department;
import org.opencollab.identity.RoleGroups;
import org.opencollab.opportunity.OpportunityRecords;
import org.opencollab.variables.JsonVariables;

/**
 * One health check's reading of the engine's history between {@code from} and {@code to}
 * (docs/collaboration-health.md): the figures per department and overall, the maturity levels
 * decided by DMN {@code maturityLevels}, and the warnings decided by DMN {@code healthWarnings}.
 *
 * <p>Every query covers one day of the period at a time, and variables are read for at most {@value
 * #IDS_PER_QUERY} instances a query, so what is held in memory depends on how much happened in the
 * period, never on how long the history is: per task of the period a duration (eight bytes), per
 * task offered to a department's group its id, and a few figures per department, person and
 * opportunity.
 */
final class HealthAssessment {

  static final String OPPORTUNITY_PROCESS = "opportunityToDelivery";
  static final String ARBITRATION_PROCESS = "collaborationArbitration";

  private static final int IDS_PER_QUERY = 200;
  private static final int EVIDENCE_LIMIT = 10;
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

  /** The report's codes as a person reads them, in both languages (the report's *Name fields). */
  private static final Map<String, String> DIMENSION_NAMES =
      Map.of(
          "INFORMATION_SHARING", "Information sharing / 信息共享",
          "RESOURCE_INTEGRATION", "Resource integration / 资源整合",
          "INNOVATION_OUTPUT", "Innovation output / 创新产出");

  private static final Map<String, String> WARNING_NAMES =
      Map.of(
          "SLOW_CLAIM", "Work waits to be picked up / 任务认领迟缓",
          "DISPUTES_AGAINST", "Many disputes against a department / 部门被频繁提出争议",
          "REPEATED_FREE_RIDER", "Repeated free rider / 多次搭便车",
          "SPRINTS_AT_RISK", "Sprints at risk in a row / 连续冲刺有风险");

  private static final Map<String, String> DISPUTE_TYPE_NAMES =
      Map.of(
          "RESOURCE_ALLOCATION", "resource allocation / 资源分配",
          "DATA_ACCESS", "data access / 数据访问",
          "PRIORITY", "priority / 优先级",
          "RESPONSIBILITY", "responsibility / 责任归属",
          "INCENTIVE_SPLIT", "incentive split / 激励分配");

  private final ProcessEngineServices engine;
  private final HistoryService history;
  private final Instant from;
  private final Instant to;

  private final Map<String, DepartmentFigures> departments = new LinkedHashMap<>();
  private final Map<String, Optional<String>> departmentOfUser = new HashMap<>();
  private final Map<String, Optional<String>> departmentOfTimer = new HashMap<>();

  private int opportunitiesStarted;
  private int opportunitiesWithTech;
  private int delivered;
  private int failedInDelivery;
  private int lost;
  private int disqualified;
  private int wonWithInnovation;
  private int slaTimersFired;
  private int disputesRaised;
  private int disputesSettled;
  private int settledByMediation;
  private int committeeRulings;
  private final Durations toSignedAgreement = new Durations();
  private final Durations arbitrations = new Durations();
  private final Map<String, ArrayNode> freeRiderJudgements = new TreeMap<>();
  private final Map<String, ObjectNode> sprintsAtRisk = new TreeMap<>();

  HealthAssessment(ProcessEngineServices engine, Instant from, Instant to) {
    this.engine = engine;
    this.history = engine.getHistoryService();
    this.from = from;
    this.to = to;
    for (Department department : Department.values()) {
      departments.put(department.name(), new DepartmentFigures());
    }
  }

  /** What one department did in the period. */
  private static final class DepartmentFigures {
    final Durations claim = new Durations();
    final Durations completion = new Durations();
    int tasksCompleted;
    int tasksWaiting;
    int slaTimersFired;
    int disputesRaised;
    int disputesAgainst;
    BigDecimal peerScoreSum = BigDecimal.ZERO;
    int peerScores;
    final ArrayNode disputesAgainstEvidence = JSON.arrayNode();
    final PriorityQueue<ObjectNode> slowestClaims =
        new PriorityQueue<>(Comparator.comparingLong(task -> task.get("claimMillis").asLong()));
  }

  ObjectNode report() {
    departmentTasks();
    slaTimers();
    disputes();
    opportunities();
    agreements();
    sprints();
    ObjectNode report = JSON.objectNode();
    ObjectNode period = report.putObject("period");
    period.put("from", from.toString());
    period.put("to", to.toString());
    period.put("days", Duration.between(from, to).toDays());
    report.set("departments", departmentTable());
    ObjectNode overall = overall();
    report.set("overall", overall);
    report.set("maturity", maturity(overall));
    report.set("warnings", warnings());
    return report;
  }

  // --- reading the history, one day at a time ---

  /** Runs {@code window} for each day of the period: its first and its last millisecond. */
  private void eachDay(BiConsumer<Date, Date> window) {
    for (Instant start = from; start.isBefore(to); start = start.plusMillis(DAY_MILLIS)) {
      Instant end = start.plusMillis(DAY_MILLIS).isBefore(to) ? start.plusMillis(DAY_MILLIS) : to;
      window.accept(Date.from(start), new Date(end.toEpochMilli() - 1));
    }
  }

  /**
   * Tasks created in the period. A task offered to a department's group (a candidate group) is that
   * department's, and its claim time runs from creation to its first assignee (or to its
   * completion, when it was completed without a claim). Any other task is the department of its
   * assignee.
   */
  private void departmentTasks() {
    Map<String, String> offeredTo = new HashMap<>();
    eachDay(
        (first, last) -> {
          for (HistoricIdentityLinkLog link :
              read(
                  () ->
                      history
                          .createHistoricIdentityLinkLogQuery()
                          .type(IdentityLinkType.CANDIDATE)
                          .operationType("add")
                          .dateAfter(first)
                          .dateBefore(last)
                          .orderByTime()
                          .asc()
                          .list())) {
            department(link.getGroupId())
                .ifPresent(department -> offeredTo.putIfAbsent(link.getTaskId(), department));
          }
        });
    Map<String, Long> pickedUp = new HashMap<>();
    eachDay(
        (first, last) -> {
          for (HistoricIdentityLinkLog link :
              read(
                  () ->
                      history
                          .createHistoricIdentityLinkLogQuery()
                          .type(IdentityLinkType.ASSIGNEE)
                          .operationType("add")
                          .dateAfter(first)
                          .dateBefore(last)
                          .orderByTime()
                          .asc()
                          .list())) {
            if (offeredTo.containsKey(link.getTaskId())) {
              pickedUp.putIfAbsent(link.getTaskId(), link.getTime().getTime());
            }
          }
        });
    eachDay(
        (first, last) -> {
          for (HistoricTaskInstance task :
              read(
                  () ->
                      history
                          .createHistoricTaskInstanceQuery()
                          .startedAfter(first)
                          .startedBefore(last)
                          .list())) {
            String offered = offeredTo.get(task.getId());
            Optional<String> department =
                offered != null ? Optional.of(offered) : userDepartment(task.getAssignee());
            department.ifPresent(
                code -> countTask(departments.get(code), task, offered != null, pickedUp));
          }
        });
  }

  private void countTask(
      DepartmentFigures figures,
      HistoricTaskInstance task,
      boolean offered,
      Map<String, Long> pickedUp) {
    long created = task.getStartTime().getTime();
    boolean completed = task.getEndTime() != null && "completed".equals(task.getDeleteReason());
    if (completed) {
      figures.tasksCompleted++;
      figures.completion.add(task.getEndTime().getTime() - created);
    }
    if (!offered) {
      return;
    }
    Long claimed = pickedUp.get(task.getId());
    if (claimed == null && completed) {
      claimed = task.getEndTime().getTime();
    }
    if (claimed == null) {
      if (task.getEndTime() == null) {
        figures.tasksWaiting++;
      }
      return;
    }
    long millis = claimed - created;
    figures.claim.add(millis);
    ObjectNode evidence = JSON.objectNode();
    evidence.put("claimMillis", millis);
    evidence.put("task", task.getName());
    evidence.put("taskId", task.getId());
    evidence.put("processInstanceId", task.getProcessInstanceId());
    evidence.put("created", task.getStartTime().toInstant().toString());
    evidence.put("claimHours", Durations.hours(BigDecimal.valueOf(millis)));
    figures.slowestClaims.add(evidence);
    if (figures.slowestClaims.size() > 5) {
      figures.slowestClaims.poll();
    }
  }

  /** Timers on a department's task that fired in the period (due dates and reminders missed). */
  private void slaTimers() {
    eachDay(
        (first, last) -> {
          for (HistoricActivityInstance timer :
              read(
                  () ->
                      history
                          .createHistoricActivityInstanceQuery()
                          .activityType("boundaryTimer")
                          .startedAfter(first)
                          .startedBefore(last)
                          .list())) {
            slaTimersFired++;
            timerDepartment(timer).ifPresent(code -> departments.get(code).slaTimersFired++);
          }
        });
  }

  private void disputes() {
    List<String> raised = new ArrayList<>();
    eachDay(
        (first, last) -> {
          raised.clear();
          for (HistoricProcessInstance dispute :
              instances(ARBITRATION_PROCESS, false, first, last)) {
            raised.add(dispute.getId());
          }
          variables(
                  raised, "raisedByDepartment", "againstDepartment", "disputeType", "opportunityId")
              .forEach(this::countDispute);
        });
    List<HistoricProcessInstance> settled = new ArrayList<>();
    eachDay(
        (first, last) -> {
          settled.clear();
          settled.addAll(instances(ARBITRATION_PROCESS, true, first, last));
          Map<String, Map<String, Object>> rulings =
              variables(settled.stream().map(HistoricProcessInstance::getId).toList(), "ruling");
          for (HistoricProcessInstance dispute : settled) {
            Object ruling = rulings.getOrDefault(dispute.getId(), Map.of()).get("ruling");
            if (ruling != null) {
              disputesSettled++;
              arbitrations.add(dispute.getDurationInMillis());
              String decidedBy = JsonVariables.object(ruling).path("decidedBy").asText();
              if ("MEDIATION".equals(decidedBy)) {
                settledByMediation++;
              } else {
                committeeRulings++;
              }
            }
          }
        });
  }

  private void countDispute(String disputeId, Map<String, Object> dispute) {
    disputesRaised++;
    DepartmentFigures raisedBy = departments.get(String.valueOf(dispute.get("raisedByDepartment")));
    if (raisedBy != null) {
      raisedBy.disputesRaised++;
    }
    DepartmentFigures against = departments.get(String.valueOf(dispute.get("againstDepartment")));
    if (against != null) {
      against.disputesAgainst++;
      if (against.disputesAgainstEvidence.size() < EVIDENCE_LIMIT) {
        ObjectNode evidence = against.disputesAgainstEvidence.addObject();
        evidence.put("disputeId", disputeId);
        evidence.put("opportunityId", String.valueOf(dispute.get("opportunityId")));
        evidence.put("disputeType", String.valueOf(dispute.get("disputeType")));
        evidence.put("raisedBy", String.valueOf(dispute.get("raisedByDepartment")));
      }
    }
  }

  private void opportunities() {
    List<String> ids = new ArrayList<>();
    eachDay(
        (first, last) -> {
          ids.clear();
          for (HistoricProcessInstance opportunity :
              instances(OPPORTUNITY_PROCESS, false, first, last)) {
            ids.add(opportunity.getId());
          }
          opportunitiesStarted += ids.size();
          for (Map<String, Object> started : variables(ids, "techParticipation").values()) {
            Object participation = started.get("techParticipation");
            if (participation != null && !"NONE".equals(participation)) {
              opportunitiesWithTech++;
            }
          }
        });
    eachDay(
        (first, last) -> {
          ids.clear();
          for (HistoricProcessInstance opportunity :
              instances(OPPORTUNITY_PROCESS, true, first, last)) {
            ids.add(opportunity.getId());
          }
          variables(
                  ids,
                  "finalOutcome",
                  "newProduct",
                  "pressReleaseRequired",
                  "incentiveStatement",
                  "opportunityId")
              .values()
              .forEach(this::countOutcome);
        });
  }

  private void countOutcome(Map<String, Object> opportunity) {
    String outcome = String.valueOf(opportunity.get("finalOutcome"));
    switch (outcome) {
      case "DELIVERED" -> delivered++;
      case "DELIVERY_FAILED" -> failedInDelivery++;
      case "LOST" -> lost++;
      case "DISQUALIFIED" -> disqualified++;
      default -> {
        return;
      }
    }
    boolean won = outcome.equals("DELIVERED") || outcome.equals("DELIVERY_FAILED");
    if (won
        && (Boolean.TRUE.equals(opportunity.get("newProduct"))
            || Boolean.TRUE.equals(opportunity.get("pressReleaseRequired")))) {
      wonWithInnovation++;
    }
    Object statement = opportunity.get("incentiveStatement");
    if (!outcome.equals("DELIVERED") || statement == null) {
      return;
    }
    for (JsonNode member : JsonVariables.object(statement).path("members")) {
      DepartmentFigures figures = departments.get(member.path("department").asText());
      BigDecimal score = new BigDecimal(member.path("peerScore").asText());
      if (figures != null) {
        figures.peerScoreSum = figures.peerScoreSum.add(score);
        figures.peerScores++;
      }
      if (member.path("freeRider").asBoolean()) {
        ObjectNode judgement =
            freeRiderJudgements
                .computeIfAbsent(member.path("userId").asText(), user -> JSON.arrayNode())
                .addObject();
        judgement.put("opportunityId", String.valueOf(opportunity.get("opportunityId")));
        judgement.put("department", member.path("department").asText());
        judgement.put("peerScore", member.path("peerScore").asText());
      }
    }
  }

  /** Agreements that came into force in the period: how long after identification. */
  private void agreements() {
    List<HistoricActivityInstance> signed = new ArrayList<>();
    eachDay(
        (first, last) -> {
          signed.clear();
          signed.addAll(
              read(
                  () ->
                      history
                          .createHistoricActivityInstanceQuery()
                          .activityId("Gateway_AgreementSettled")
                          .startedAfter(first)
                          .startedBefore(last)
                          .list()));
          Map<String, Long> identified = new HashMap<>();
          for (List<String> chunk :
              chunks(
                  signed.stream().map(HistoricActivityInstance::getProcessInstanceId).toList())) {
            for (HistoricProcessInstance opportunity :
                read(
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
              toSignedAgreement.add(agreement.getStartTime().getTime() - start);
            }
          }
        });
  }

  /**
   * Opportunities whose sprints were reviewed in the period: their longest run of AT_RISK among
   * those reviews. Reviews are recorded in order, so the period's are the last ones.
   */
  private void sprints() {
    Map<String, Integer> reviewedInPeriod = new LinkedHashMap<>();
    eachDay(
        (first, last) -> {
          for (HistoricActivityInstance review :
              read(
                  () ->
                      history
                          .createHistoricActivityInstanceQuery()
                          .activityId("ReviewSprint")
                          .finishedAfter(first)
                          .finishedBefore(last)
                          .list())) {
            if (!review.isCanceled()) {
              reviewedInPeriod.merge(review.getProcessInstanceId(), 1, Integer::sum);
            }
          }
        });
    for (List<String> chunk : chunks(new ArrayList<>(reviewedInPeriod.keySet()))) {
      variables(chunk, "sprintReviews", "opportunityId")
          .forEach(
              (instance, opportunity) ->
                  longestAtRiskRun(opportunity, reviewedInPeriod.get(instance)));
    }
  }

  private void longestAtRiskRun(Map<String, Object> opportunity, int reviewedInPeriod) {
    Object recorded = opportunity.get("sprintReviews");
    if (recorded == null) {
      return;
    }
    ArrayNode reviews = JsonVariables.array(recorded);
    ArrayNode longest = JSON.arrayNode();
    ArrayNode run = JSON.arrayNode();
    for (int index = Math.max(0, reviews.size() - reviewedInPeriod);
        index < reviews.size();
        index++) {
      JsonNode review = reviews.get(index);
      if ("AT_RISK".equals(review.path("status").asText())) {
        run.add(review.path("sprint").asInt());
        if (run.size() > longest.size()) {
          longest = run.deepCopy();
        }
      } else {
        run.removeAll();
      }
    }
    if (!longest.isEmpty()) {
      String id = String.valueOf(opportunity.get("opportunityId"));
      ObjectNode evidence = JSON.objectNode();
      evidence.put("opportunityId", id);
      evidence.set("sprints", longest);
      sprintsAtRisk.put(id, evidence);
    }
  }

  /**
   * The instances of {@code processKey} started (or finished) between {@code first} and {@code
   * last}.
   */
  private List<HistoricProcessInstance> instances(
      String processKey, boolean finished, Date first, Date last) {
    return read(
        () -> {
          var query = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey);
          return (finished
                  ? query.finishedAfter(first).finishedBefore(last)
                  : query.startedAfter(first).startedBefore(last))
              .list();
        });
  }

  /**
   * The named variables of each process instance, in queries of at most {@value #IDS_PER_QUERY}
   * instances; a variable of the instance itself wins over a local one of the same name.
   */
  private Map<String, Map<String, Object>> variables(Collection<String> ids, String... names) {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(ids))) {
      chunk.forEach(id -> values.put(id, new HashMap<>()));
      for (HistoricVariableInstance variable :
          read(
              () ->
                  history
                      .createHistoricVariableInstanceQuery()
                      .processInstanceIdIn(chunk.toArray(String[]::new))
                      .variableNameIn(names)
                      .list())) {
        Map<String, Object> instance = values.get(variable.getProcessInstanceId());
        boolean own = OpportunityRecords.ofTheInstanceItself(variable);
        if (variable.getValue() != null && (own || !instance.containsKey(variable.getName()))) {
          instance.put(variable.getName(), variable.getValue());
        }
      }
    }
    return values;
  }

  /**
   * Runs one query in a command of its own: what it loads leaves the engine's entity cache when the
   * query ends, instead of piling up in the cache of the job that assesses.
   */
  private static <T> T read(Supplier<T> query) {
    if (Context.getCommandContext() == null) {
      return query.get();
    }
    return Context.getProcessEngineConfiguration()
        .getCommandExecutorTxRequiresNew()
        .execute(context -> query.get());
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
      chunks.add(ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY)));
    }
    return chunks;
  }

  private static Optional<String> department(String groupId) {
    return groupId != null && Department.isCode(groupId.toUpperCase(Locale.ROOT))
        ? Optional.of(groupId.toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  private Optional<String> userDepartment(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return departmentOfUser.computeIfAbsent(
        userId,
        user ->
            read(() -> engine.getIdentityService().createGroupQuery().groupMember(user).list())
                .stream()
                .map(Group::getId)
                .map(HealthAssessment::department)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Department::valueOf)));
  }

  /** The department of the task a timer is attached to: its candidate group or its role. */
  private Optional<String> timerDepartment(HistoricActivityInstance timer) {
    return departmentOfTimer.computeIfAbsent(
        timer.getProcessDefinitionId() + "/" + timer.getActivityId(),
        key -> {
          var model =
              engine.getRepositoryService().getBpmnModelInstance(timer.getProcessDefinitionId());
          if (!(model.getModelElementById(timer.getActivityId()) instanceof BoundaryEvent event)
              || !(event.getAttachedTo() instanceof UserTask task)) {
            return Optional.empty();
          }
          if (task.getCamundaCandidateGroups() != null) {
            for (String group : task.getCamundaCandidateGroups().split(",")) {
              Optional<String> department = department(group.trim());
              if (department.isPresent()) {
                return department;
              }
            }
          }
          return RoleGroups.of(task.getCamundaAssignee()).flatMap(HealthAssessment::department);
        });
  }

  // --- the report ---

  private ArrayNode departmentTable() {
    ArrayNode table = JSON.arrayNode();
    departments.forEach(
        (code, figures) -> {
          ObjectNode row = table.addObject();
          row.put("department", code);
          row.put("departmentName", Department.labelOf(code));
          row.put("tasksCompleted", figures.tasksCompleted);
          row.put("tasksPickedUp", figures.claim.count());
          row.put("tasksWaiting", figures.tasksWaiting);
          row.put("medianClaimHours", figures.claim.medianHours());
          row.put("p90ClaimHours", figures.claim.p90Hours());
          row.put("medianCompletionHours", figures.completion.medianHours());
          row.put("p90CompletionHours", figures.completion.p90Hours());
          row.put("slaTimersFired", figures.slaTimersFired);
          row.put("disputesRaised", figures.disputesRaised);
          row.put("disputesAgainst", figures.disputesAgainst);
          row.put(
              "averagePeerScore",
              figures.peerScores == 0
                  ? null
                  : figures.peerScoreSum.divide(
                      BigDecimal.valueOf(figures.peerScores), 2, RoundingMode.HALF_UP));
        });
    return table;
  }

  private ObjectNode overall() {
    ObjectNode overall = JSON.objectNode();
    int won = delivered + failedInDelivery;
    overall.put("opportunitiesStarted", opportunitiesStarted);
    overall.put("opportunitiesWithTech", opportunitiesWithTech);
    overall.put("techParticipationPercent", percent(opportunitiesWithTech, opportunitiesStarted));
    overall.put("won", won);
    overall.put("delivered", delivered);
    overall.put("failedInDelivery", failedInDelivery);
    overall.put("lost", lost);
    overall.put("disqualified", disqualified);
    overall.put("winRatePercent", percent(won, won + lost));
    overall.put("wonWithInnovation", wonWithInnovation);
    overall.put("agreementsSigned", toSignedAgreement.count());
    overall.put("medianHoursToSignedAgreement", toSignedAgreement.medianHours());
    overall.put("disputesRaised", disputesRaised);
    overall.put("disputesSettled", disputesSettled);
    overall.put("medianArbitrationHours", arbitrations.medianHours());
    overall.put("settledByMediation", settledByMediation);
    overall.put("committeeRulings", committeeRulings);
    overall.put("mediationPercent", percent(settledByMediation, disputesSettled));
    overall.put("slaTimersFired", slaTimersFired);
    int pickedUp = 0;
    int withinADay = 0;
    for (DepartmentFigures figures : departments.values()) {
      pickedUp += figures.claim.count();
      withinADay += figures.claim.countAtMost(DAY_MILLIS);
    }
    overall.put("tasksClaimed", pickedUp);
    overall.put("tasksClaimedWithinADay", withinADay);
    return overall;
  }

  private static BigDecimal percent(int part, int whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(100L * part)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /** The three maturity levels of DMN {@code maturityLevels}, each with the figures it reads. */
  private ArrayNode maturity(ObjectNode overall) {
    VariableMap inputs = Variables.createVariables();
    for (String figure :
        List.of(
            "tasksClaimed",
            "tasksClaimedWithinADay",
            "opportunitiesStarted",
            "opportunitiesWithTech",
            "committeeRulings",
            "won",
            "wonWithInnovation")) {
      inputs.putValue(
          figure.equals("won") ? "opportunitiesWon" : figure, overall.get(figure).asInt());
    }
    Map<String, Integer> levels = new HashMap<>();
    for (DmnDecisionResultEntries row :
        engine
            .getDecisionService()
            .evaluateDecisionByKey("maturityLevels")
            .variables(inputs)
            .evaluate()) {
      levels.put(row.getEntry("dimension"), ((Number) row.getEntry("level")).intValue());
    }
    ArrayNode maturity = JSON.arrayNode();
    addLevel(
        maturity,
        levels,
        "INFORMATION_SHARING",
        inputs,
        "%2$d of %1$d offered tasks picked up within a day" + " / %1$d 个待认领任务中 %2$d 个在一天内被认领",
        "tasksClaimed",
        "tasksClaimedWithinADay");
    addLevel(
        maturity,
        levels,
        "RESOURCE_INTEGRATION",
        inputs,
        "%2$d of %1$d new opportunities with tech; %3$d committee rulings"
            + " / %1$d 个新商机中 %2$d 个有技术部参与；协作会裁决 %3$d 次",
        "opportunitiesStarted",
        "opportunitiesWithTech",
        "committeeRulings");
    addLevel(
        maturity,
        levels,
        "INNOVATION_OUTPUT",
        inputs,
        "%2$d of %1$d won opportunities with a new product or a press release"
            + " / %1$d 个赢单商机中 %2$d 个有新产品或新闻稿",
        "opportunitiesWon",
        "wonWithInnovation");
    return maturity;
  }

  private static void addLevel(
      ArrayNode maturity,
      Map<String, Integer> levels,
      String dimension,
      VariableMap inputs,
      String basisText,
      String... basis) {
    ObjectNode row = maturity.addObject();
    row.put("dimension", dimension);
    row.put("dimensionName", DIMENSION_NAMES.get(dimension));
    row.put("level", levels.get(dimension));
    ObjectNode figures = row.putObject("basis");
    Object[] values = new Object[basis.length];
    for (int index = 0; index < basis.length; index++) {
      values[index] = inputs.get(basis[index]);
      figures.put(basis[index], (Integer) values[index]);
    }
    row.put("basisText", String.format(basisText, values));
  }

  /** Every measure asked of DMN {@code healthWarnings}; a rule that matches is a warning. */
  private ArrayNode warnings() {
    ArrayNode warnings = JSON.arrayNode();
    departments.forEach(
        (code, figures) -> {
          BigDecimal median = figures.claim.medianHours();
          if (median != null) {
            ArrayNode slowest = JSON.arrayNode();
            List<String> slowestText = new ArrayList<>();
            figures.slowestClaims.stream()
                .sorted(Comparator.comparingLong(task -> -task.get("claimMillis").asLong()))
                .forEach(
                    task -> {
                      slowest.add(task.deepCopy().without("claimMillis"));
                      slowestText.add(
                          task.get("task").asText() + " " + task.get("claimHours") + " h");
                    });
            ObjectNode evidence = JSON.objectNode();
            evidence.put("tasksPickedUp", figures.claim.count());
            evidence.set("slowestTasks", slowest);
            warn(
                warnings,
                "department",
                code,
                "medianClaimHours",
                median,
                evidence,
                String.format(
                    "%s picked up %d offered tasks, median %s h; slowest: %s"
                        + " / %s 认领 %d 个任务，中位 %s 小时；最慢：%s",
                    Department.labelOf(code),
                    figures.claim.count(),
                    median,
                    String.join(", ", slowestText),
                    Department.labelOf(code),
                    figures.claim.count(),
                    median,
                    String.join(", ", slowestText)));
          }
          ObjectNode evidence = JSON.objectNode();
          evidence.set("disputes", figures.disputesAgainstEvidence);
          List<String> disputes = new ArrayList<>();
          figures.disputesAgainstEvidence.forEach(
              dispute ->
                  disputes.add(
                      dispute.get("opportunityId").asText()
                          + " "
                          + DISPUTE_TYPE_NAMES.getOrDefault(
                              dispute.get("disputeType").asText(),
                              dispute.get("disputeType").asText())
                          + " ← "
                          + Department.labelOf(dispute.get("raisedBy").asText())));
          warn(
              warnings,
              "department",
              code,
              "disputesAgainst",
              BigDecimal.valueOf(figures.disputesAgainst),
              evidence,
              String.format(
                  "%d disputes against %s / %d 次争议针对%s: %s",
                  figures.disputesAgainst,
                  Department.labelOf(code),
                  figures.disputesAgainst,
                  Department.labelOf(code),
                  String.join("; ", disputes)));
        });
    freeRiderJudgements.forEach(
        (user, judgements) -> {
          ObjectNode evidence = JSON.objectNode();
          evidence.set("opportunities", judgements);
          List<String> where = new ArrayList<>();
          judgements.forEach(
              judgement ->
                  where.add(
                      judgement.get("opportunityId").asText()
                          + " (score / 得分 "
                          + judgement.get("peerScore").asText()
                          + ")"));
          warn(
              warnings,
              "person",
              user,
              "freeRiderJudgements",
              BigDecimal.valueOf(judgements.size()),
              evidence,
              user + " judged a free rider in / 被判定搭便车：" + String.join(", ", where));
        });
    sprintsAtRisk.forEach(
        (opportunity, evidence) -> {
          List<String> sprints = new ArrayList<>();
          evidence.get("sprints").forEach(sprint -> sprints.add(sprint.asText()));
          warn(
              warnings,
              "opportunity",
              opportunity,
              "consecutiveAtRiskSprints",
              BigDecimal.valueOf(sprints.size()),
              evidence,
              "sprints / 冲刺 "
                  + String.join(", ", sprints)
                  + " ("
                  + opportunity
                  + "): at risk in a row / 连续有风险");
        });
    return warnings;
  }

  private void warn(
      ArrayNode warnings,
      String subjectKind,
      String subject,
      String measure,
      BigDecimal value,
      ObjectNode evidence,
      String evidenceText) {
    DmnDecisionResultEntries match =
        engine
            .getDecisionService()
            .evaluateDecisionByKey("healthWarnings")
            .variables(
                Variables.createVariables()
                    .putValue("measure", measure)
                    .putValue("value", value.doubleValue()))
            .evaluate()
            .getFirstResult();
    if (match == null || match.getEntry("warning") == null) {
      return;
    }
    ObjectNode warning = warnings.addObject();
    warning.put("warning", (String) match.getEntry("warning"));
    warning.put("warningName", WARNING_NAMES.get((String) match.getEntry("warning")));
    warning.put("condition", (String) match.getEntry("condition"));
    warning.put("subjectKind", subjectKind);
    warning.put("subject", subject);
    warning.put(
        "subjectName",
        switch (subjectKind) {
          case "department" -> "Department / 部门 " + Department.labelOf(subject);
          case "person" -> "Person / 人员 " + subject;
          default -> "Opportunity / 商机 " + subject;
        });
    warning.put("measure", measure);
    warning.put("value", value);
    warning.put("evidenceText", evidenceText);
    warning.set("evidence", evidence);
  }
}
