package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.*;
import static org.opencollab.rules.ProcessRules.Step.writes;
import static org.opencollab.rules.ProcessRules.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencollab.identity.Department;
import org.opencollab.rules.ProcessRules;
import org.opencollab.rules.ProcessRules.Step;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Every rule of docs/process-variables.md: the start variables and what each task of {@code
 * opportunityToDelivery} accepts.
 */
@Component
public class OpportunityRules implements ProcessRules {

  private static final Pattern OPPORTUNITY_ID_PATTERN = Pattern.compile("OPP-[A-Z0-9-]{1,32}");

  /** Names and titles; every other text takes up to {@link VariableReader#MAX_TEXT} characters. */
  static final int MAX_NAME = 200;

  private static final int MAX_EFFORT_DAYS = 100_000;
  static final BigDecimal MAX_HOURS = new BigDecimal("10000000");

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /** What most task forms show above their inputs. */
  private static final List<String> HEADER =
      List.of(OPPORTUNITY_ID, CUSTOMER_NAME, TITLE, PRIORITY);

  @Override
  public Step startStep() {
    return writes(
        OPPORTUNITY_ID,
        CUSTOMER_NAME,
        TITLE,
        CUSTOMER_TIER,
        ESTIMATED_VALUE,
        TECHNICAL_COMPLEXITY,
        CUSTOMIZATION_REQUIRED,
        NEW_PRODUCT,
        SOURCE,
        ACCOUNT_MANAGER);
  }

  @Override
  public void checkStart(DelegateExecution start) {
    if (blank(start.getVariable(OPPORTUNITY_ID))) {
      start.setVariable(OPPORTUNITY_ID, OpportunityIds.next());
    }
    if (blank(start.getVariable(ACCOUNT_MANAGER)) && start.getVariable(STARTER) != null) {
      start.setVariable(ACCOUNT_MANAGER, start.getVariable(STARTER));
    }
    VariableReader variables = VariableReader.of(start::getVariable);
    String opportunityId = opportunityId(variables);
    variables.requiredString(CUSTOMER_NAME, MAX_NAME);
    variables.requiredString(TITLE, MAX_NAME);
    variables.oneOf(CUSTOMER_TIER, CUSTOMER_TIERS);
    variables.number(ESTIMATED_VALUE, BigDecimal.ZERO, VariableReader.MAX_AMOUNT);
    variables.oneOf(TECHNICAL_COMPLEXITY, COMPLEXITIES);
    variables.requiredBoolean(CUSTOMIZATION_REQUIRED);
    variables.requiredBoolean(NEW_PRODUCT);
    variables.oneOf(SOURCE, SOURCES);
    TeamRules.requireMember(
        start.getProcessEngineServices().getIdentityService(),
        ACCOUNT_MANAGER,
        variables.requiredString(ACCOUNT_MANAGER),
        Department.SALES.groupId());

    ProcessRules.useAsBusinessKey(start, opportunityId);
    OpportunityIds.claim(start, opportunityId);
  }

  /** An empty field of a start form arrives as an empty text, or not at all. */
  private static boolean blank(Object value) {
    return value == null || value instanceof String text && text.isBlank();
  }

  static String opportunityId(VariableReader variables) {
    String opportunityId = variables.requiredString(OPPORTUNITY_ID);
    if (!OPPORTUNITY_ID_PATTERN.matcher(opportunityId).matches()) {
      throw new InvalidVariableException(
          OPPORTUNITY_ID,
          new Rule(
                  "must be OPP- then 1 to 32 of A-Z, 0-9 and -",
                  "必须以 OPP- 开头，后接 1 到 32 个 A-Z、0-9 或 - 字符")
              .got(opportunityId));
    }
    return opportunityId;
  }

  @Override
  public Map<String, TaskRule> taskRules() {
    return Map.ofEntries(
        rule(
            "QualifyOpportunity",
            writes(QUALIFIED, QUALIFICATION_NOTES)
                .shows(HEADER, ESTIMATED_VALUE, TECH_PARTICIPATION_REASON),
            (variables, task) -> {
              if (!variables.requiredBoolean(QUALIFIED)) {
                variables.requiredString(QUALIFICATION_NOTES);
              }
            }),
        rule(
            "FormTeam",
            writes(SOLUTION_MANAGER, DELIVERY_MANAGER, TEAM_MEMBERS, EXECUTIVE_SPONSOR),
            TeamRules::check),
        rule(
            "DraftPressRelease",
            writes(PRESS_RELEASE, FAQ).shows(HEADER),
            (variables, task) -> {
              variables.requiredString(PRESS_RELEASE);
              variables.optionalString(FAQ);
            }),
        rule(
            "CompletePressRelease",
            writes(PRESS_RELEASE_CONTRIBUTION).shows(HEADER, DEPARTMENT, PRESS_RELEASE, FAQ),
            (variables, task) -> variables.requiredString(PRESS_RELEASE_CONTRIBUTION)),
        rule(
            "DraftCollaborationAgreement",
            writes(
                DEPARTMENT_SHARES, DEPARTMENT_COMMITMENTS, CUSTOMER_DATA_OWNER, DATA_ACCESS_RULES),
            (variables, task) -> {
              SortedSet<String> involved = Team.read(variables).departments();
              checkShares(variables, DEPARTMENT_SHARES, involved);
              DepartmentCommitments.check(variables, DEPARTMENT_COMMITMENTS, involved);
              String owner = variables.requiredString(CUSTOMER_DATA_OWNER);
              if (!involved.contains(owner)) {
                throw new InvalidVariableException(
                    CUSTOMER_DATA_OWNER,
                    new Rule(
                            "must be one of the involved departments "
                                + String.join(", ", involved),
                            "必须是参与的部门之一：" + String.join(", ", involved))
                        .got(owner));
              }
              variables.requiredString(DATA_ACCESS_RULES);
            }),
        rule(
            "SignCollaborationAgreement",
            writes(AGREEMENT_APPROVED, REJECTION_CATEGORY, REJECTION_REASON)
                .shows(HEADER, DEPARTMENT, CUSTOMER_DATA_OWNER, DATA_ACCESS_RULES),
            (variables, task) -> {
              if (!variables.requiredBoolean(AGREEMENT_APPROVED)) {
                variables.oneOf(REJECTION_CATEGORY, REJECTION_CATEGORIES);
                variables.requiredString(REJECTION_REASON);
              }
            }),
        rule(
            "ApproveBid",
            writes(BID_APPROVED, BID_REJECTION_REASON).shows(HEADER, ESTIMATED_VALUE),
            (variables, task) -> {
              if (!variables.requiredBoolean(BID_APPROVED)) {
                variables.requiredString(BID_REJECTION_REASON);
              }
            }),
        rule(
            "DesignSolution",
            writes(SOLUTION_SUMMARY, ESTIMATED_EFFORT_DAYS)
                .shows(HEADER, TECH_PARTICIPATION_REASON),
            (variables, task) -> {
              variables.requiredString(SOLUTION_SUMMARY);
              variables.integer(ESTIMATED_EFFORT_DAYS, 0, MAX_EFFORT_DAYS);
            }),
        rule(
            "PrepareOffer",
            writes(OFFER_VALUE).shows(HEADER),
            (variables, task) -> variables.money(OFFER_VALUE)),
        rule(
            "FollowUpOverdueWork",
            writes(FOLLOW_UP_ACTION).shows(HEADER, SOLUTION_MANAGER),
            (variables, task) -> variables.oneOf(FOLLOW_UP_ACTION, FOLLOW_UP_ACTIONS)),
        rule(
            LateSteps.FOLLOW_UP_TASK,
            LateSteps.followUp(),
            (variables, task) -> LateSteps.checkFollowUp(variables)),
        rule(
            "NegotiateDeal",
            writes(NEGOTIATION_OUTCOME, CONTRACT_VALUE).shows(HEADER, OFFER_VALUE, REVISION_COUNT),
            OpportunityRules::checkNegotiation),
        rule(
            "SupportNegotiation",
            writes(TECHNICAL_COMMITMENTS).shows(HEADER),
            (variables, task) -> variables.requiredString(TECHNICAL_COMMITMENTS)),
        rule(
            "PlanDelivery",
            writes(SPRINT_COUNT).shows(HEADER, CONTRACT_VALUE),
            (variables, task) -> variables.integer(SPRINT_COUNT, 1, 26)),
        rule(
            "ReviewSprint",
            writes(SPRINT_STATUS, SPRINT_NOTES, CustomerFeedback.CUSTOMER_FEEDBACK)
                .shows(HEADER, LOOP_COUNTER),
            (variables, task) -> {
              variables.oneOf(SPRINT_STATUS, SPRINT_STATUSES);
              variables.optionalString(SPRINT_NOTES);
              variables.optionalString(CustomerFeedback.CUSTOMER_FEEDBACK);
            }),
        rule(
            "AcceptDelivery",
            writes(ACCEPTED, REALIZED_REVENUE, CustomerFeedback.CUSTOMER_FEEDBACK)
                .shows(HEADER, CONTRACT_VALUE),
            (variables, task) -> {
              if (variables.requiredBoolean(ACCEPTED)) {
                variables.money(REALIZED_REVENUE);
              }
              variables.optionalString(CustomerFeedback.CUSTOMER_FEEDBACK);
            }),
        rule(
            CustomerFeedback.TASK,
            CustomerFeedback.answer(HEADER),
            (variables, task) -> CustomerFeedback.checkAnswer(variables)),
        rule(
            "ReportDepartmentInput",
            writes(INPUT_HOURS, INPUT_COST).shows(HEADER, DEPARTMENT),
            (variables, task) -> {
              variables.number(INPUT_HOURS, BigDecimal.ZERO, MAX_HOURS);
              variables.money(INPUT_COST);
            }),
        rule(EVALUATION_STEP, writes(RATINGS, COMMENTS), OpportunityRules::checkRatings),
        rule(SPONSOR_RATING_STEP, writes(RATINGS, COMMENTS), OpportunityRules::checkRatings),
        rule(COORDINATOR_RATING_STEP, writes(RATINGS, COMMENTS), OpportunityRules::checkRatings),
        rule(
            "ApproveIncentives",
            writes(INCENTIVES_APPROVED),
            (variables, task) -> variables.requiredBoolean(INCENTIVES_APPROVED)),
        rule(
            "RecordLoss",
            writes(LOSS_AMOUNT, LOSS_NOTES).shows(HEADER, FINAL_OUTCOME),
            (variables, task) -> {
              variables.money(LOSS_AMOUNT);
              variables.optionalString(LOSS_NOTES);
            }),
        rule(
            "HoldRetrospective",
            writes(LESSONS_LEARNED).shows(HEADER, FINAL_OUTCOME),
            (variables, task) -> variables.requiredString(LESSONS_LEARNED)));
  }

  private static void checkNegotiation(VariableReader variables, DelegateTask task) {
    String outcome = variables.oneOf(NEGOTIATION_OUTCOME, NEGOTIATION_OUTCOMES);
    if ("WON".equals(outcome) && variables.money(CONTRACT_VALUE).signum() <= 0) {
      throw new InvalidVariableException(
          CONTRACT_VALUE, "must be more than 0 when the deal is WON", "成交（WON）时必须大于 0");
    }
    Object revisions = task.getVariable(REVISION_COUNT);
    if (REVISE.equals(outcome)
        && revisions instanceof Number count
        && count.intValue() >= MAX_REVISIONS) {
      throw new InvalidVariableException(
          NEGOTIATION_OUTCOME,
          "the offer was already revised "
              + MAX_REVISIONS
              + " times; a fourth REVISE is refused, choose WON or LOST",
          "报价已修改 " + MAX_REVISIONS + " 次；不能再次修改（REVISE），请选择 WON 或 LOST");
    }
  }

  /**
   * A rating of the team, by a member of the others (EvaluatePeers) or by the sponsor or a
   * coordinator of every member but themselves (360度评估): each once, 1 to 5.
   */
  private static void checkRatings(VariableReader variables, DelegateTask task) {
    String rater = PeersEvaluated.rater(task);
    SortedMap<String, Integer> ratings = variables.integerMap(RATINGS);
    Set<String> expected = new TreeSet<>(Team.read(variables).userIds());
    expected.remove(rater);
    if (!ratings.keySet().equals(expected)) {
      throw new InvalidVariableException(
          RATINGS,
          "must rate every team member other than yourself exactly once: "
              + String.join(", ", expected)
              + "; got "
              + String.join(", ", ratings.keySet()),
          "必须为除您之外的每位团队成员各评分一次："
              + String.join(", ", expected)
              + "；实际为 "
              + String.join(", ", ratings.keySet()));
    }
    ratings.forEach(
        (ratee, score) -> {
          if (score < 1 || score > 5) {
            throw new InvalidVariableException(
                RATINGS,
                new Rule(
                        "the rating of " + ratee + " must be 1 to 5",
                        "对 " + ratee + " 的评分必须是 1 到 5")
                    .got(score));
          }
        });
    variables.optionalString(COMMENTS);
  }

  /**
   * The rule for {@code departmentShares} and a ruling's {@code adjustedShares}: keys exactly the
   * involved departments.
   */
  public static SortedMap<String, Integer> checkShares(
      VariableReader variables, String name, Set<String> involved) {
    SortedMap<String, Integer> shares = variables.integerMap(name);
    DepartmentShares.validate(name, shares);
    if (!shares.keySet().equals(new TreeSet<>(involved))) {
      String departments = String.join(", ", new TreeSet<>(involved));
      throw new InvalidVariableException(
          name,
          new Rule(
                  "keys must be exactly the involved departments " + departments,
                  "键必须恰好是参与的部门：" + departments)
              .got(String.join(", ", shares.keySet())));
    }
    return shares;
  }
}
