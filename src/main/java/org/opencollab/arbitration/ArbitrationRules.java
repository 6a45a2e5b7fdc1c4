package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.*;
import static org.opencollab.rules.ProcessRules.Step.writes;
import static org.opencollab.rules.ProcessRules.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.opencollab.identity.Department;
import org.opencollab.identity.Groups;
import org.opencollab.identity.Membership;
import org.opencollab.opportunity.DepartmentCommitments;
import org.opencollab.opportunity.LateSteps;
import org.opencollab.opportunity.OpportunityRecords;
import org.opencollab.opportunity.OpportunityRules;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.opportunity.ServiceLevels;
import org.opencollab.rules.ProcessRules;
import org.opencollab.rules.ProcessRules.Step;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Every rule of docs/process-variables.md: what starts a dispute and what each task of {@code
 * collaborationArbitration} accepts.
 */
@Component
public class ArbitrationRules implements ProcessRules {

  private static final List<String> DEPARTMENTS =
      Arrays.stream(Department.values()).map(Department::name).toList();

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /** What the task forms show of the dispute above their inputs. */
  private static final List<String> DISPUTE =
      List.of(
          OPPORTUNITY_ID,
          CUSTOMER_NAME,
          TITLE,
          PRIORITY,
          DISPUTE_TYPE,
          RAISED_BY_DEPARTMENT,
          AGAINST_DEPARTMENT,
          DESCRIPTION);

  @Override
  public Step startStep() {
    return writes(
        OPPORTUNITY_ID,
        DISPUTE_TYPE,
        RAISED_BY_DEPARTMENT,
        AGAINST_DEPARTMENT,
        DESCRIPTION,
        AMOUNT_AT_STAKE);
  }

  @Override
  public void checkStart(DelegateExecution start) {
    VariableReader variables = VariableReader.of(start::getVariable);
    String opportunityId = variables.requiredString(OPPORTUNITY_ID);
    HistoryService history = start.getProcessEngineServices().getHistoryService();
    HistoricProcessInstance opportunity =
        OpportunityRecords.find(history, opportunityId)
            .orElseThrow(
                () ->
                    new InvalidVariableException(
                        OPPORTUNITY_ID,
                        "no opportunity " + opportunityId + " exists",
                        "商机 " + opportunityId + " 不存在"));
    variables.oneOf(DISPUTE_TYPE, DISPUTE_TYPES);
    String raisedBy = variables.oneOf(RAISED_BY_DEPARTMENT, DEPARTMENTS);
    String against = variables.oneOf(AGAINST_DEPARTMENT, DEPARTMENTS);
    if (raisedBy.equals(against)) {
      throw new InvalidVariableException(
          AGAINST_DEPARTMENT,
          "must differ from raisedByDepartment " + raisedBy,
          "必须不同于提出争议的部门（raisedByDepartment）" + raisedBy);
    }
    checkRaiser(start, history, opportunity, raisedBy);
    variables.requiredString(DESCRIPTION);
    if (variables.isPresent(AMOUNT_AT_STAKE)) {
      variables.money(AMOUNT_AT_STAKE);
    } else {
      start.setVariable(AMOUNT_AT_STAKE, 0L);
    }
    ProcessRules.useAsBusinessKey(start, opportunityId);
    // The opportunity's key facts, which every task form of the dispute shows at its top.
    for (String fact : List.of(CUSTOMER_TIER, CUSTOMER_NAME, TITLE, PRIORITY)) {
      start.setVariable(
          fact, OpportunityRecords.variable(history, opportunity.getId(), fact).orElse(null));
    }
    // What the committee and the mediator decide on, as the opportunity stands when it is raised.
    OpportunityRecords.variable(
            history, opportunity.getId(), OpportunityVariables.DEPARTMENT_SHARES)
        .ifPresent(
            shares ->
                start.setVariable(
                    DEPARTMENT_SHARES, JsonVariables.value(JsonVariables.object(shares))));
    start.setVariable(
        OPPORTUNITY_STAGE, OpportunityRecords.stage(start.getProcessEngineServices(), opportunity));
    // The dispute goes at its opportunity's pace (DMN serviceLevels).
    start.setVariable(
        ServiceLevels.VARIABLE,
        JsonVariables.value(
            OpportunityRecords.variable(history, opportunity.getId(), ServiceLevels.VARIABLE)
                .map(JsonVariables::object)
                .orElseGet(
                    () ->
                        ServiceLevels.forPriority(
                            start,
                            OpportunityRecords.variable(
                                    history, opportunity.getId(), OpportunityVariables.PRIORITY)
                                .orElse(null)))));
  }

  @Override
  public Map<String, TaskRule> taskRules() {
    return Map.ofEntries(
        rule(
            "MediateDispute",
            writes(MEDIATION_RESOLVED, RESOLUTION, ADJUSTED_SHARES, ADJUSTED_COMMITMENTS)
                .shows(DISPUTE, AMOUNT_AT_STAKE, OPPORTUNITY_STAGE),
            (variables, task) -> {
              if (variables.requiredBoolean(MEDIATION_RESOLVED)) {
                variables.requiredString(RESOLUTION);
              }
              checkAdjustedShares(variables, task);
              checkAdjustedCommitments(variables, task);
            }),
        rule(
            "ArbitrationVote",
            writes(VOTE, VOTE_RATIONALE).shows(DISPUTE, AMOUNT_AT_STAKE, OPPORTUNITY_STAGE),
            (variables, task) -> {
              variables.oneOf(VOTE, OPTIONS);
              variables.requiredString(VOTE_RATIONALE);
            }),
        rule(
            "ChairRuling",
            writes(CHAIR_OPTION).shows(DISPUTE, AMOUNT_AT_STAKE, OPPORTUNITY_STAGE),
            (variables, task) -> variables.oneOf(CHAIR_OPTION, OPTIONS)),
        rule(
            LateSteps.FOLLOW_UP_TASK,
            LateSteps.followUp(),
            (variables, task) -> LateSteps.checkFollowUp(variables)),
        rule(
            "RecordRuling",
            writes(RULING_TEXT, ADJUSTED_SHARES, ADJUSTED_COMMITMENTS)
                .shows(DISPUTE, AMOUNT_AT_STAKE, OPPORTUNITY_STAGE, MAJORITY_OPTION, CHAIR_OPTION),
            (variables, task) -> {
              variables.requiredString(RULING_TEXT);
              checkAdjustedShares(variables, task);
              checkAdjustedCommitments(variables, task);
            }));
  }

  /**
   * A dispute raised from Tasklist or REST is raised by a member of {@code raisedByDepartment} (or
   * a coordinator), for a department involved in the opportunity: a department of its team, or,
   * before the team is formed, SALES, whose account manager holds it. A dispute the opportunity
   * raises itself (call activity) is raised by the process.
   */
  private static void checkRaiser(
      DelegateExecution start,
      HistoryService history,
      HistoricProcessInstance opportunity,
      String raisedBy) {
    if (((ExecutionEntity) start).getSuperExecution() != null) {
      return;
    }
    Set<String> involved =
        involvedDepartments(history, opportunity.getId()).orElse(Set.of(Department.SALES.name()));
    if (!involved.contains(raisedBy)) {
      throw new InvalidVariableException(
          RAISED_BY_DEPARTMENT,
          raisedBy
              + " is not involved in opportunity "
              + opportunity.getBusinessKey()
              + "; involved: "
              + String.join(", ", new TreeSet<>(involved)),
          raisedBy
              + " 未参与商机 "
              + opportunity.getBusinessKey()
              + "；参与的部门："
              + String.join(", ", new TreeSet<>(involved)));
    }
    Authentication person =
        start.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (person == null) {
      return;
    }
    IdentityService identity = start.getProcessEngineServices().getIdentityService();
    boolean mayRaise =
        Membership.isMember(identity, person.getUserId(), Department.valueOf(raisedBy).groupId())
            || Membership.isMember(identity, person.getUserId(), Groups.COORDINATORS);
    if (!mayRaise) {
      throw new InvalidVariableException(
          RAISED_BY_DEPARTMENT,
          person.getUserId()
              + " is not a member of "
              + Department.valueOf(raisedBy).groupId()
              + "; a dispute is raised by a member of the raising department"
              + " or by a coordinator",
          person.getUserId()
              + " 不是 "
              + Department.valueOf(raisedBy).groupId()
              + " 的成员；争议由提出部门的成员或协调员提出");
    }
  }

  /** Optional; when given, the same rules as the opportunity's {@code departmentShares}. */
  private static void checkAdjustedShares(VariableReader variables, DelegateTask task) {
    if (!hasAdjustedShares(task.getVariable(ADJUSTED_SHARES))) {
      return;
    }
    HistoryService history = task.getProcessEngineServices().getHistoryService();
    String opportunityId = (String) task.getVariable(OPPORTUNITY_ID);
    String opportunity = OpportunityRecords.find(history, opportunityId).orElseThrow().getId();
    Set<String> involved =
        involvedDepartments(history, opportunity)
            .orElseThrow(
                () ->
                    new InvalidVariableException(
                        ADJUSTED_SHARES,
                        "opportunity "
                            + opportunityId
                            + " has no team yet, so there are no shares to adjust",
                        "商机 " + opportunityId + " 尚无团队，因此没有可调整的份额"));
    OpportunityRules.checkShares(variables, ADJUSTED_SHARES, involved);
  }

  /**
   * Optional; only a RESOURCE_ALLOCATION dispute changes commitments, and then by the rules of the
   * opportunity's {@code departmentCommitments}.
   */
  private static void checkAdjustedCommitments(VariableReader variables, DelegateTask task) {
    if (!hasAdjustedShares(task.getVariable(ADJUSTED_COMMITMENTS))) {
      return;
    }
    if (!RESOURCE_ALLOCATION.equals(task.getVariable(DISPUTE_TYPE))) {
      throw new InvalidVariableException(
          ADJUSTED_COMMITMENTS,
          "only a RESOURCE_ALLOCATION dispute changes the departments' commitments",
          "只有资源分配争议可以调整各部门的投入承诺");
    }
    HistoryService history = task.getProcessEngineServices().getHistoryService();
    String opportunityId = (String) task.getVariable(OPPORTUNITY_ID);
    String opportunity = OpportunityRecords.find(history, opportunityId).orElseThrow().getId();
    Set<String> involved =
        involvedDepartments(history, opportunity)
            .orElseThrow(
                () ->
                    new InvalidVariableException(
                        ADJUSTED_COMMITMENTS,
                        "opportunity "
                            + opportunityId
                            + " has no team yet, so there are no commitments to adjust",
                        "商机 " + opportunityId + " 尚无团队，因此没有可调整的投入承诺"));
    DepartmentCommitments.check(variables, ADJUSTED_COMMITMENTS, involved);
  }

  static boolean hasAdjustedShares(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }

  private static Optional<Set<String>> involvedDepartments(
      HistoryService history, String opportunity) {
    Optional<Object> shares =
        OpportunityRecords.variable(history, opportunity, OpportunityVariables.DEPARTMENT_SHARES);
    if (shares.isPresent()) {
      return Optional.of(
          new TreeSet<>(
              VariableReader.of(name -> shares.get())
                  .integerMap(OpportunityVariables.DEPARTMENT_SHARES)
                  .keySet()));
    }
    return OpportunityRecords.variable(
            history, opportunity, OpportunityVariables.INVOLVED_DEPARTMENTS)
        .map(list -> new TreeSet<>(((List<?>) list).stream().map(String::valueOf).toList()));
  }
}
