package org.opencollab.script;

import static org.opencollab.opportunity.OpportunityVariables.ACCEPTED;
import static org.opencollab.opportunity.OpportunityVariables.ACCOUNT_MANAGER;
import static org.opencollab.opportunity.OpportunityVariables.AGREEMENT_APPROVED;
import static org.opencollab.opportunity.OpportunityVariables.COMMENTS;
import static org.opencollab.opportunity.OpportunityVariables.CONTRACT_VALUE;
import static org.opencollab.opportunity.OpportunityVariables.CUSTOMER_DATA_OWNER;
import static org.opencollab.opportunity.OpportunityVariables.CUSTOMER_NAME;
import static org.opencollab.opportunity.OpportunityVariables.CUSTOMER_TIER;
import static org.opencollab.opportunity.OpportunityVariables.CUSTOMIZATION_REQUIRED;
import static org.opencollab.opportunity.OpportunityVariables.DATA_ACCESS_RULES;
import static org.opencollab.opportunity.OpportunityVariables.DELIVERY_MANAGER;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_COMMITMENTS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_SHARES;
import static org.opencollab.opportunity.OpportunityVariables.ESTIMATED_EFFORT_DAYS;
import static org.opencollab.opportunity.OpportunityVariables.ESTIMATED_VALUE;
import static org.opencollab.opportunity.OpportunityVariables.EXECUTIVE_SPONSOR;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVES_APPROVED;
import static org.opencollab.opportunity.OpportunityVariables.INPUT_COST;
import static org.opencollab.opportunity.OpportunityVariables.INPUT_HOURS;
import static org.opencollab.opportunity.OpportunityVariables.LESSONS_LEARNED;
import static org.opencollab.opportunity.OpportunityVariables.LOSS_AMOUNT;
import static org.opencollab.opportunity.OpportunityVariables.LOSS_NOTES;
import static org.opencollab.opportunity.OpportunityVariables.NEGOTIATION_OUTCOME;
import static org.opencollab.opportunity.OpportunityVariables.NEW_PRODUCT;
import static org.opencollab.opportunity.OpportunityVariables.OFFER_VALUE;
import static org.opencollab.opportunity.OpportunityVariables.OPPORTUNITY_ID;
import static org.opencollab.opportunity.OpportunityVariables.QUALIFIED;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.REALIZED_REVENUE;
import static org.opencollab.opportunity.OpportunityVariables.SOLUTION_MANAGER;
import static org.opencollab.opportunity.OpportunityVariables.SOLUTION_SUMMARY;
import static org.opencollab.opportunity.OpportunityVariables.SOURCE;
import static org.opencollab.opportunity.OpportunityVariables.SPRINT_COUNT;
import static org.opencollab.opportunity.OpportunityVariables.SPRINT_NOTES;
import static org.opencollab.opportunity.OpportunityVariables.SPRINT_STATUS;
import static org.opencollab.opportunity.OpportunityVariables.TEAM_MEMBERS;
import static org.opencollab.opportunity.OpportunityVariables.TECHNICAL_COMMITMENTS;
import static org.opencollab.opportunity.OpportunityVariables.TECHNICAL_COMPLEXITY;
import static org.opencollab.opportunity.OpportunityVariables.TITLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencollab.opportunity.OpportunityVariables;

/**
 * The worked example of docs/money.md as the steps its people take in {@code opportunityToDelivery}
 * — written once, played by every walker: the demo seeding and the tests through the Java API, the
 * tests over REST and in the browser. A KEY customer, 2,000,000 CNY, MEDIUM complexity: priority B,
 * tech participation MANDATORY, no task force, no press release. The team is alice and sam (SALES),
 * bob (TECH) and carol (DELIVERY); erin coordinates; shares SALES 50, TECH 35, DELIVERY 15.
 *
 * <p>Each step names its task, its performer and what they enter; the variants the walkers need
 * (another team, other shares, lost instead of won, a loss of another size) are parameters of the
 * step, so a renamed field is renamed here and nowhere else.
 */
public final class WorkedOpportunity {

  // The user tasks of opportunityToDelivery that the walks complete, as the model names them.
  public static final String QUALIFY_OPPORTUNITY = "QualifyOpportunity";
  public static final String FORM_TEAM = "FormTeam";
  public static final String DRAFT_COLLABORATION_AGREEMENT = "DraftCollaborationAgreement";
  public static final String SIGN_COLLABORATION_AGREEMENT = "SignCollaborationAgreement";
  public static final String DESIGN_SOLUTION = "DesignSolution";
  public static final String PREPARE_OFFER = "PrepareOffer";
  public static final String SUPPORT_NEGOTIATION = "SupportNegotiation";
  public static final String NEGOTIATE_DEAL = "NegotiateDeal";
  public static final String PLAN_DELIVERY = "PlanDelivery";
  public static final String REVIEW_SPRINT = "ReviewSprint";
  public static final String ACCEPT_DELIVERY = "AcceptDelivery";
  public static final String REPORT_DEPARTMENT_INPUT = "ReportDepartmentInput";
  public static final String EVALUATE_PEERS = OpportunityVariables.EVALUATION_STEP;
  public static final String RATE_TEAM_AS_SPONSOR = OpportunityVariables.SPONSOR_RATING_STEP;
  public static final String RATE_TEAM_AS_COORDINATOR =
      OpportunityVariables.COORDINATOR_RATING_STEP;
  public static final String APPROVE_INCENTIVES = "ApproveIncentives";
  public static final String RECORD_LOSS = "RecordLoss";
  public static final String HOLD_RETROSPECTIVE = "HoldRetrospective";

  /** Every user task a walk completes, in process order. */
  public static final List<String> TASKS =
      List.of(
          QUALIFY_OPPORTUNITY,
          FORM_TEAM,
          DRAFT_COLLABORATION_AGREEMENT,
          SIGN_COLLABORATION_AGREEMENT,
          DESIGN_SOLUTION,
          PREPARE_OFFER,
          SUPPORT_NEGOTIATION,
          NEGOTIATE_DEAL,
          PLAN_DELIVERY,
          REVIEW_SPRINT,
          ACCEPT_DELIVERY,
          REPORT_DEPARTMENT_INPUT,
          EVALUATE_PEERS,
          RATE_TEAM_AS_SPONSOR,
          RATE_TEAM_AS_COORDINATOR,
          APPROVE_INCENTIVES,
          RECORD_LOSS,
          HOLD_RETROSPECTIVE);

  // The cast.
  public static final String ACCOUNT_MANAGER_USER = "alice";
  public static final String COORDINATOR = "erin";
  public static final String SOLUTION_MANAGER_USER = "bob";
  public static final String DELIVERY_MANAGER_USER = "carol";
  public static final String INCENTIVE_APPROVER = "frank";

  /** Who works a department's task (its sign-off, its input report) for the department. */
  public static final Map<String, String> DEPARTMENT_MEMBER =
      Map.of(
          "SALES", "sam",
          "TECH", "bob",
          "DELIVERY", "carol",
          "MARKETING", "dave",
          "OPERATIONS", "otto");

  public static final String SHARES = "{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}";
  public static final String TEAM =
      "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"sam\", \"department\":"
          + " \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"}, {\"userId\": \"carol\","
          + " \"department\": \"DELIVERY\"}]";

  /** The worked example's task force: its team without sam, frank as executive sponsor. */
  public static final String TASK_FORCE =
      "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"bob\", \"department\":"
          + " \"TECH\"}, {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]";

  public static final String TASK_FORCE_SPONSOR = "frank";

  /** A team without tech: alice (SALES) and carol (DELIVERY). */
  public static final String TEAM_WITHOUT_TECH =
      "[{\"userId\": \"alice\", \"department\": \"SALES\"}, {\"userId\": \"carol\", \"department\":"
          + " \"DELIVERY\"}]";

  /** The worked example's ratings, by rater: alice 5,4,5; sam 2,2,3; bob 5,5,4; carol 4,4,3. */
  public static final Map<String, String> RATINGS_BY_RATER =
      orderedMap(
          "alice", "{\"sam\": 2, \"bob\": 5, \"carol\": 4}",
          "sam", "{\"alice\": 5, \"bob\": 5, \"carol\": 4}",
          "bob", "{\"alice\": 4, \"sam\": 2, \"carol\": 3}",
          "carol", "{\"alice\": 5, \"sam\": 3, \"bob\": 4}");

  /**
   * The coordinator's ratings of the worked example's team (360度评估): with the peers' at the
   * policy's weights, alice and bob 4.75, carol 3.75, sam 2.25 (still a free rider).
   */
  public static final String COORDINATOR_RATINGS =
      "{\"alice\": 5, \"sam\": 2, \"bob\": 5, \"carol\": 4}";

  /** The executive sponsor's ratings of the task force (alice, bob, carol). */
  public static final String SPONSOR_RATINGS = "{\"alice\": 5, \"bob\": 5, \"carol\": 4}";

  /** A department's reported input: hours and cost (CNY). */
  public record Input(int hours, int cost) {}

  /** The inputs reported after the worked example's delivery. */
  public static final Map<String, Input> DELIVERED_INPUTS =
      orderedMap(
          "SALES", new Input(120, 30_000),
          "TECH", new Input(300, 90_000),
          "DELIVERY", new Input(80, 20_000));

  /** The inputs reported after the worked example is lost in negotiation. */
  public static final Map<String, Input> LOST_INPUTS =
      orderedMap(
          "SALES", new Input(30, 6_000),
          "TECH", new Input(45, 9_000),
          "DELIVERY", new Input(10, 2_000));

  public static final long VALUE = 2_000_000L;
  public static final long LOSS = 10_000L;

  private WorkedOpportunity() {}

  // --- start ---

  public static final String CUSTOMER = "Shanghai Metro / 上海地铁";
  public static final String TITLE_OF_THE_EXAMPLE = "Passenger analytics platform";

  /** The start of the worked example as {@code id}. */
  public static Map<String, Object> keyAccount(String id) {
    return keyAccount(id, CUSTOMER, TITLE_OF_THE_EXAMPLE);
  }

  /** The worked example's start for another customer and title. */
  public static Map<String, Object> keyAccount(String id, String customer, String title) {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put(OPPORTUNITY_ID, id);
    start.put(CUSTOMER_NAME, customer);
    start.put(TITLE, title);
    start.put(CUSTOMER_TIER, "KEY");
    start.put(ESTIMATED_VALUE, VALUE);
    start.put(TECHNICAL_COMPLEXITY, "MEDIUM");
    start.put(CUSTOMIZATION_REQUIRED, false);
    start.put(NEW_PRODUCT, false);
    start.put(SOURCE, "SALES");
    start.put(ACCOUNT_MANAGER, ACCOUNT_MANAGER_USER);
    return start;
  }

  // --- steps ---

  public static Step qualify() {
    return qualify(ACCOUNT_MANAGER_USER);
  }

  /** Qualified by the opportunity's account manager. */
  public static Step qualify(String accountManager) {
    return Step.of(QUALIFY_OPPORTUNITY, accountManager, QUALIFIED, true);
  }

  /** The worked example's team: alice and sam (SALES), bob (TECH), carol (DELIVERY). */
  public static Step formTeam() {
    return formTeam(SOLUTION_MANAGER_USER, DELIVERY_MANAGER_USER, TEAM);
  }

  /** A team of {@code members} (Json), without tech when {@code solutionManager} is null. */
  public static Step formTeam(String solutionManager, String deliveryManager, String members) {
    Map<String, Object> entered = new LinkedHashMap<>();
    if (solutionManager != null) {
      entered.put(SOLUTION_MANAGER, solutionManager);
    }
    entered.put(DELIVERY_MANAGER, deliveryManager);
    entered.put(TEAM_MEMBERS, new JsonText(members));
    return new Step(FORM_TEAM, COORDINATOR, null, entered);
  }

  /** A task force's team: bob and carol as managers, {@code sponsor}, {@code members}. */
  public static Step formSponsoredTeam(String sponsor, String members) {
    return formTeam(SOLUTION_MANAGER_USER, DELIVERY_MANAGER_USER, members)
        .with(EXECUTIVE_SPONSOR, sponsor);
  }

  public static Step draftAgreement() {
    return draftAgreement(SHARES);
  }

  /**
   * The agreement with these {@code shares} (Json), each department of them committing its people
   * and days ({@link #commitments}); SALES owns the customer data.
   */
  public static Step draftAgreement(String shares) {
    return Step.of(
        DRAFT_COLLABORATION_AGREEMENT,
        COORDINATOR,
        DEPARTMENT_SHARES,
        new JsonText(shares),
        DEPARTMENT_COMMITMENTS,
        commitments(shares),
        CUSTOMER_DATA_OWNER,
        "SALES",
        DATA_ACCESS_RULES,
        "Sales owns the customer data; tech may analyse it anonymised.");
  }

  /**
   * What the departments of {@code shares} commit: SALES 2 people for 15 days, TECH 3 for 20,
   * DELIVERY 4 for 30, any other 1 for 10.
   */
  public static JsonText commitments(String shares) {
    Map<String, int[]> known =
        Map.of(
            "SALES", new int[] {2, 15}, "TECH", new int[] {3, 20}, "DELIVERY", new int[] {4, 30});
    StringBuilder json = new StringBuilder("{");
    TreeSet<String> departments = new TreeSet<>();
    Matcher key = Pattern.compile("\"([A-Z]+)\"\\s*:").matcher(shares);
    while (key.find()) {
      departments.add(key.group(1));
    }
    for (String department : departments) {
      int[] commitment = known.getOrDefault(department, new int[] {1, 10});
      if (json.length() > 1) {
        json.append(", ");
      }
      json.append('"')
          .append(department)
          .append("\": {\"people\": ")
          .append(commitment[0])
          .append(", \"days\": ")
          .append(commitment[1])
          .append('}');
    }
    return new JsonText(json.append('}').toString());
  }

  /** {@code department} signs the agreement, by its member. */
  public static Step signOff(String department) {
    return Step.of(
            SIGN_COLLABORATION_AGREEMENT,
            DEPARTMENT_MEMBER.get(department),
            AGREEMENT_APPROVED,
            true)
        .inGroup(department.toLowerCase());
  }

  public static Step designSolution() {
    return Step.of(
        DESIGN_SOLUTION,
        SOLUTION_MANAGER_USER,
        SOLUTION_SUMMARY,
        "Streaming analytics on the customer's data lake",
        ESTIMATED_EFFORT_DAYS,
        120);
  }

  public static Step prepareOffer() {
    return Step.of(PREPARE_OFFER, ACCOUNT_MANAGER_USER, OFFER_VALUE, 2_100_000L);
  }

  public static Step supportNegotiation() {
    return Step.of(
        SUPPORT_NEGOTIATION,
        SOLUTION_MANAGER_USER,
        TECHNICAL_COMMITMENTS,
        "99.9 % availability, on-premises deployment");
  }

  /** The negotiation's {@code outcome}, nothing more entered. */
  public static Step negotiate(String outcome) {
    return Step.of(NEGOTIATE_DEAL, ACCOUNT_MANAGER_USER, NEGOTIATION_OUTCOME, outcome);
  }

  /** The deal won at the worked example's contract value. */
  public static Step winDeal() {
    return negotiate("WON").with(CONTRACT_VALUE, VALUE);
  }

  public static Step planDelivery(int sprints) {
    return Step.of(PLAN_DELIVERY, DELIVERY_MANAGER_USER, SPRINT_COUNT, sprints);
  }

  /** Sprint {@code sprint} (from 1) reviewed, on track. */
  public static Step reviewSprint(int sprint) {
    return reviewSprint("Sprint " + sprint + " done");
  }

  public static Step reviewSprint(String notes) {
    return Step.of(
        REVIEW_SPRINT, DELIVERY_MANAGER_USER, SPRINT_STATUS, "ON_TRACK", SPRINT_NOTES, notes);
  }

  /** The customer accepts; the revenue realized is the contract value. */
  public static Step acceptDelivery() {
    return Step.of(ACCEPT_DELIVERY, ACCOUNT_MANAGER_USER, ACCEPTED, true, REALIZED_REVENUE, VALUE);
  }

  /** {@code department} reports its input, by its member. */
  public static Step reportInput(String department, Input input) {
    return Step.of(
            REPORT_DEPARTMENT_INPUT,
            DEPARTMENT_MEMBER.get(department),
            INPUT_HOURS,
            input.hours(),
            INPUT_COST,
            input.cost())
        .inGroup(department.toLowerCase());
  }

  /** Every department's input report, in the order given. */
  public static List<Step> reportInputs(Map<String, Input> inputs) {
    return inputs.entrySet().stream()
        .map(input -> reportInput(input.getKey(), input.getValue()))
        .toList();
  }

  /** {@code rater}'s ratings of the other members (Json). */
  public static Step evaluatePeers(String rater, String ratings) {
    return Step.of(
        EVALUATE_PEERS, rater, RATINGS, new JsonText(ratings), COMMENTS, "Good collaboration");
  }

  /** Every member's ratings, each done by the member. */
  /** A coordinator's rating of every team member (360度评估). */
  public static Step rateTeamAsCoordinator(String ratings) {
    return Step.of(
        RATE_TEAM_AS_COORDINATOR,
        COORDINATOR,
        RATINGS,
        new JsonText(ratings),
        COMMENTS,
        "Reliable team / 团队可靠");
  }

  /** The executive sponsor's rating of every team member (360度评估). */
  public static Step rateTeamAsSponsor(String sponsor, String ratings) {
    return Step.of(
        RATE_TEAM_AS_SPONSOR, sponsor, RATINGS, new JsonText(ratings), COMMENTS, "Well led / 配合良好");
  }

  /**
   * The worked example's team rated 360 degrees: every peer, then the coordinator; its task forces'
   * sponsor rates in {@link #rateTeamAsSponsor}.
   */
  public static List<Step> evaluateTeam() {
    return concat(
        evaluatePeers(RATINGS_BY_RATER), List.of(rateTeamAsCoordinator(COORDINATOR_RATINGS)));
  }

  public static List<Step> evaluatePeers(Map<String, String> ratingsByRater) {
    return ratingsByRater.entrySet().stream()
        .map(rater -> evaluatePeers(rater.getKey(), rater.getValue()))
        .toList();
  }

  public static Step approveIncentives() {
    return Step.of(APPROVE_INCENTIVES, INCENTIVE_APPROVER, INCENTIVES_APPROVED, true);
  }

  /** The worked example's loss: 10,000 CNY of pre-sales effort. */
  public static Step recordLoss() {
    return recordLoss(LOSS, "Pre-sales effort");
  }

  public static Step recordLoss(long amount, String notes) {
    return Step.of(RECORD_LOSS, COORDINATOR, LOSS_AMOUNT, amount, LOSS_NOTES, notes);
  }

  public static Step holdRetrospective() {
    return holdRetrospective("Qualify earlier");
  }

  public static Step holdRetrospective(String lessons) {
    return Step.of(HOLD_RETROSPECTIVE, COORDINATOR, LESSONS_LEARNED, lessons);
  }

  // --- walks ---

  /** Qualified, the team formed, the agreement drafted and signed by every department. */
  public static List<Step> throughAgreement() {
    return List.of(
        qualify(),
        formTeam(),
        draftAgreement(),
        signOff("SALES"),
        signOff("TECH"),
        signOff("DELIVERY"));
  }

  /** Solution designed and offer prepared: the negotiation opens. */
  public static List<Step> solutionAndOffer() {
    return List.of(designSolution(), prepareOffer());
  }

  /** Tech's support and the negotiation's {@code outcome}: WON is won at the contract value. */
  public static List<Step> negotiation(String outcome) {
    return List.of(supportNegotiation(), "WON".equals(outcome) ? winDeal() : negotiate(outcome));
  }

  /** Delivery planned in {@code sprints} sprints, each reviewed on track. */
  public static List<Step> sprints(int sprints) {
    List<Step> steps = new ArrayList<>();
    steps.add(planDelivery(sprints));
    for (int sprint = 1; sprint <= sprints; sprint++) {
      steps.add(reviewSprint(sprint));
    }
    return List.copyOf(steps);
  }

  /** Delivered in {@code sprints} sprints, on track, and accepted. */
  public static List<Step> delivery(int sprints) {
    return concat(sprints(sprints), List.of(acceptDelivery()));
  }

  /**
   * The worked example won, delivered in one sprint and every department's input reported: its
   * peers rate next.
   */
  public static List<Step> deliveredUntilEvaluation() {
    return concat(
        throughAgreement(),
        solutionAndOffer(),
        negotiation("WON"),
        delivery(1),
        reportInputs(DELIVERED_INPUTS));
  }

  /** The worked example up to the last rating of its team: its incentive calculation is due. */
  public static List<Step> deliveredUntilCalculation() {
    return concat(deliveredUntilEvaluation(), evaluateTeam());
  }

  /** The worked example to its end: DELIVERED, incentives approved. */
  public static List<Step> delivered() {
    return concat(deliveredUntilCalculation(), List.of(approveIncentives()));
  }

  /** The worked example lost in negotiation, up to the recorded loss: its allocation is due. */
  public static List<Step> lostUntilAllocation() {
    return concat(
        throughAgreement(),
        solutionAndOffer(),
        negotiation("LOST"),
        reportInputs(LOST_INPUTS),
        evaluateTeam(),
        List.of(recordLoss()));
  }

  /** The worked example to its end: LOST, its loss shared, the retrospective held. */
  public static List<Step> lost() {
    return concat(lostUntilAllocation(), List.of(holdRetrospective()));
  }

  /**
   * The step of {@code taskKey} in {@code walk}: the only one, or, where several steps of that key
   * differ by performer, the one of {@code group} (a step given to a department's group) or of
   * {@code user} (a step assigned to a person), whoever of the group does it.
   */
  public static Optional<Step> find(List<Step> walk, String taskKey, String group, String user) {
    List<Step> ofKey = walk.stream().filter(step -> step.taskKey().equals(taskKey)).toList();
    if (ofKey.size() == 1) {
      return Optional.of(ofKey.get(0));
    }
    return ofKey.stream()
        .filter(
            step -> step.group() != null ? step.group().equals(group) : step.user().equals(user))
        .findFirst();
  }

  @SafeVarargs
  private static List<Step> concat(List<Step>... parts) {
    List<Step> all = new ArrayList<>();
    for (List<Step> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
