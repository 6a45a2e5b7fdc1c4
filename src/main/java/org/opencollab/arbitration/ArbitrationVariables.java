package org.opencollab.arbitration;

import java.util.List;

/**
 * Names and codes of process {@code collaborationArbitration}, exactly as docs/process-variables.md
 * spells them.
 */
public final class ArbitrationVariables {

  public static final String PROCESS_KEY = "collaborationArbitration";

  public static final String OPPORTUNITY_ID = "opportunityId";
  public static final String DISPUTE_TYPE = "disputeType";
  public static final String RAISED_BY_DEPARTMENT = "raisedByDepartment";
  public static final String AGAINST_DEPARTMENT = "againstDepartment";
  public static final String DESCRIPTION = "description";
  public static final String AMOUNT_AT_STAKE = "amountAtStake";
  public static final String CUSTOMER_TIER = "customerTier";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String TITLE = "title";
  public static final String PRIORITY = "priority";

  /** The opportunity's department shares when the dispute is raised, shown to those who decide. */
  public static final String DEPARTMENT_SHARES = "departmentShares";

  /** Where the opportunity stands when the dispute is raised: its open steps, or how it ended. */
  public static final String OPPORTUNITY_STAGE = "opportunityStage";

  public static final String ROUTE = "route";
  public static final String MEDIATION_DEADLINE = "mediationDeadline";
  public static final String MEDIATION_RESOLVED = "mediationResolved";
  public static final String RESOLUTION = "resolution";
  public static final String ADJUSTED_SHARES = "adjustedShares";

  /** A RESOURCE_ALLOCATION ruling's new commitments, the rules of {@code departmentCommitments}. */
  public static final String ADJUSTED_COMMITMENTS = "adjustedCommitments";

  public static final String RESOURCE_ALLOCATION = "RESOURCE_ALLOCATION";
  public static final String VOTE = "vote";
  public static final String VOTE_RATIONALE = "voteRationale";

  /**
   * The individual votes, gathered from the sealed ballots when the ruling is composed: {@code
   * {"grace": {"vote": "UPHOLD", "rationale": "..."}}}. Confidential: oversight reads it.
   */
  public static final String VOTES = "votes";

  /** How many votes each option got, written when the voting closes: {@code {"UPHOLD": 2}}. */
  public static final String TALLY = "tally";

  /**
   * The committee members who stood aside and why (DMN {@code committeeRecusal}), written when the
   * vote opens: {@code [{"userId": "grace", "reason": "..."}]}.
   */
  public static final String RECUSALS = "recusals";

  /** The members who vote on the dispute, written when the vote opens. */
  public static final String ELIGIBLE_VOTERS = "eligibleVoters";

  /**
   * Set by the vote that gives one option a strict majority of the committee; closes the voting.
   */
  public static final String MAJORITY_OPTION = "majorityOption";

  /** The option the chair picks in {@code ChairRuling} when no option holds a majority. */
  public static final String CHAIR_OPTION = "chairOption";

  public static final String RULING_TEXT = "rulingText";
  public static final String RULING = "ruling";

  /** The element variable of the vote tasks: the committee member who votes. */
  public static final String VOTER = "voter";

  /** The vote task's id. */
  public static final String VOTE_STEP = "ArbitrationVote";

  public static final List<String> DISPUTE_TYPES =
      List.of(
          "RESOURCE_ALLOCATION", "DATA_ACCESS", "PRIORITY", "RESPONSIBILITY", "INCENTIVE_SPLIT");
  public static final List<String> OPTIONS = List.of("UPHOLD", "REJECT", "COMPROMISE");

  private ArbitrationVariables() {}
}
