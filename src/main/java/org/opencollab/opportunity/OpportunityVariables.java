package org.opencollab.opportunity;

import java.util.List;

/**
 * Names and codes of process {@code opportunityToDelivery}, exactly as docs/process-variables.md
 * spells them.
 */
public final class OpportunityVariables {

  public static final String PROCESS_KEY = "opportunityToDelivery";

  // start
  public static final String OPPORTUNITY_ID = "opportunityId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String TITLE = "title";
  public static final String CUSTOMER_TIER = "customerTier";
  public static final String ESTIMATED_VALUE = "estimatedValue";
  public static final String TECHNICAL_COMPLEXITY = "technicalComplexity";
  public static final String CUSTOMIZATION_REQUIRED = "customizationRequired";
  public static final String NEW_PRODUCT = "newProduct";
  public static final String SOURCE = "source";
  public static final String ACCOUNT_MANAGER = "accountManager";
  // triage (DMN)
  public static final String PRIORITY = "priority";
  public static final String TASK_FORCE_REQUIRED = "taskForceRequired";
  public static final String PRESS_RELEASE_REQUIRED = "pressReleaseRequired";
  public static final String TECH_PARTICIPATION = "techParticipation";
  public static final String TECH_PARTICIPATION_REASON = "techParticipationReason";
  // tasks
  public static final String QUALIFIED = "qualified";
  public static final String QUALIFICATION_NOTES = "qualificationNotes";
  public static final String SOLUTION_MANAGER = "solutionManager";
  public static final String DELIVERY_MANAGER = "deliveryManager";
  public static final String TEAM_MEMBERS = "teamMembers";
  public static final String EXECUTIVE_SPONSOR = "executiveSponsor";

  /** Derived when the team is formed: the departments of {@code teamMembers}, sorted by code. */
  public static final String INVOLVED_DEPARTMENTS = "involvedDepartments";

  /** Derived when the team is formed: the user ids of {@code teamMembers}, in their order. */
  public static final String TEAM_MEMBER_IDS = "teamMemberIds";

  public static final String PRESS_RELEASE = "pressRelease";
  public static final String FAQ = "faq";

  /** A department's part of the press release ({@code CompletePressRelease}, task-local). */
  public static final String PRESS_RELEASE_CONTRIBUTION = "pressReleaseContribution";

  /** Tech's and sales' parts, gathered by {@link PressReleaseContributed}; derived. */
  public static final String PRESS_RELEASE_CONTRIBUTIONS = "pressReleaseContributions";

  public static final String DEPARTMENT_SHARES = "departmentShares";

  /** Each involved department's committed people and days ({@link DepartmentCommitments}). */
  public static final String DEPARTMENT_COMMITMENTS = "departmentCommitments";

  public static final String CUSTOMER_DATA_OWNER = "customerDataOwner";
  public static final String DATA_ACCESS_RULES = "dataAccessRules";
  public static final String AGREEMENT_APPROVED = "agreementApproved";
  public static final String REJECTION_CATEGORY = "rejectionCategory";
  public static final String REJECTION_REASON = "rejectionReason";

  /** Gathered from the sign-off tasks: {@code {"SALES": {"approved": true, ...}}}. */
  public static final String AGREEMENT_SIGNATURES = "agreementSignatures";

  /** Gathered from the sign-off tasks: one dispute to raise per rejecting department. */
  public static final String AGREEMENT_REJECTIONS = "agreementRejections";

  public static final String BID_APPROVED = "bidApproved";
  public static final String BID_REJECTION_REASON = "bidRejectionReason";
  public static final String SOLUTION_SUMMARY = "solutionSummary";
  public static final String ESTIMATED_EFFORT_DAYS = "estimatedEffortDays";
  public static final String OFFER_VALUE = "offerValue";
  public static final String FOLLOW_UP_ACTION = "followUpAction";
  public static final String NEGOTIATION_OUTCOME = "negotiationOutcome";
  public static final String CONTRACT_VALUE = "contractValue";
  public static final String TECHNICAL_COMMITMENTS = "technicalCommitments";
  public static final String REVISION_COUNT = "revisionCount";
  public static final String SPRINT_COUNT = "sprintCount";
  public static final String SPRINT_STATUS = "sprintStatus";
  public static final String SPRINT_NOTES = "sprintNotes";

  /** Every sprint's review, gathered by {@link SprintReviews}; derived. */
  public static final String SPRINT_REVIEWS = "sprintReviews";

  public static final String ACCEPTED = "accepted";
  public static final String REALIZED_REVENUE = "realizedRevenue";
  public static final String INPUT_HOURS = "inputHours";
  public static final String INPUT_COST = "inputCost";
  public static final String DEPARTMENT_INPUTS = "departmentInputs";
  public static final String RATINGS = "ratings";
  public static final String COMMENTS = "comments";

  /**
   * The ratings of every member, {@code {rater: {ratee: score}}}, gathered from the sealed
   * evaluations when the incentive statement is approved. Confidential: oversight reads it.
   */
  public static final String PEER_RATINGS = "peerRatings";

  /** The members' comments on their evaluations, {@code {rater: "..."}}, gathered likewise. */
  public static final String PEER_COMMENTS = "peerComments";

  /** The peer evaluation's task id. */
  public static final String EVALUATION_STEP = "EvaluatePeers";

  /** The executive sponsor's rating of the team (360度评估): its task id. */
  public static final String SPONSOR_RATING_STEP = "RateTeamAsSponsor";

  /** A coordinator's rating of the team (360度评估): its task id. */
  public static final String COORDINATOR_RATING_STEP = "RateTeamAsCoordinator";

  /**
   * The executive sponsor's ratings, {@code {sponsor: {ratee: score}}}: read sealed by the
   * calculations, given as a variable only by a process owner's repair. Confidential.
   */
  public static final String SPONSOR_RATINGS = "sponsorRatings";

  /** The sponsor's comment, {@code {sponsor: "..."}}: confidential likewise. */
  public static final String SPONSOR_COMMENTS = "sponsorComments";

  /**
   * The coordinator's ratings, {@code {coordinator: {ratee: score}}}: as {@code sponsorRatings}.
   */
  public static final String COORDINATOR_RATINGS = "coordinatorRatings";

  /** The coordinator's comment, {@code {coordinator: "..."}}: confidential likewise. */
  public static final String COORDINATOR_COMMENTS = "coordinatorComments";

  /**
   * Derived, {@code true} once the team's ratings are unsealed: when the incentive statement is
   * approved, or when the loss statement is recorded in the ledger.
   */
  public static final String RATINGS_UNSEALED = "ratingsUnsealed";

  /**
   * The single result of DMN {@code incentivePolicy}, mapped by the business rule task before the
   * calculation.
   */
  public static final String INCENTIVE_POLICY = "incentivePolicy";

  public static final String INCENTIVE_STATEMENT = "incentiveStatement";
  public static final String INCENTIVES_APPROVED = "incentivesApproved";
  public static final String LOSS_AMOUNT = "lossAmount";
  public static final String LOSS_NOTES = "lossNotes";
  public static final String LOSS_STATEMENT = "lossStatement";
  public static final String LESSONS_LEARNED = "lessonsLearned";
  public static final String FINAL_OUTCOME = "finalOutcome";

  /**
   * The latest ruling handed back by a called dispute or delivered by message {@code DisputeRuled}.
   */
  public static final String RULING = "ruling";

  /** The version of each decision the opportunity evaluates, pinned at its start. */
  public static final String DECISION_VERSIONS = "decisionVersions";

  /** Every ruling that reached the opportunity, in arrival order. */
  public static final String RULINGS = "rulings";

  /** Multi-instance element variables of the per-department and per-member tasks. */
  public static final String DEPARTMENT = "department";

  public static final String MEMBER = "member";

  /** Camunda's counter of a sequential multi-instance step: the sprint under review, from 0. */
  public static final String LOOP_COUNTER = "loopCounter";

  /** Set by the engine at a start from Tasklist or REST: the user who started it. */
  public static final String STARTER = "starter";

  public static final List<String> CUSTOMER_TIERS = List.of("STRATEGIC", "KEY", "STANDARD");
  public static final List<String> COMPLEXITIES = List.of("LOW", "MEDIUM", "HIGH");
  public static final List<String> SOURCES = List.of("SALES", "MARKETING", "ANALYTICS", "PARTNER");
  public static final List<String> REJECTION_CATEGORIES =
      List.of("DATA_ACCESS", "INCENTIVE_SPLIT", "RESOURCE_ALLOCATION", "PRIORITY");
  public static final List<String> FOLLOW_UP_ACTIONS = List.of("REMIND", "ESCALATE");
  public static final List<String> NEGOTIATION_OUTCOMES = List.of("WON", "LOST", "REVISE");
  public static final List<String> SPRINT_STATUSES = List.of("ON_TRACK", "AT_RISK", "FAILED");
  public static final String TECH_NONE = "NONE";
  public static final String REVISE = "REVISE";
  public static final int MAX_REVISIONS = 3;

  private OpportunityVariables() {}
}
