package org.opencollab.opportunity;

/** Names of the variables of process {@code opportunityToDelivery}, exactly as SPEC section 3 spells them. */
public final class OpportunityVariables {

  public static final String OPPORTUNITY_ID = "opportunityId";
  public static final String PRIORITY = "priority";
  public static final String TEAM_MEMBERS = "teamMembers";
  public static final String DEPARTMENT_SHARES = "departmentShares";
  public static final String REALIZED_REVENUE = "realizedRevenue";
  public static final String DEPARTMENT_INPUTS = "departmentInputs";
  public static final String PEER_RATINGS = "peerRatings";
  /** The single result of DMN {@code incentivePolicy}, mapped by the business rule task before the calculation. */
  public static final String INCENTIVE_POLICY = "incentivePolicy";
  public static final String INCENTIVE_STATEMENT = "incentiveStatement";
  public static final String LOSS_AMOUNT = "lossAmount";
  public static final String LOSS_STATEMENT = "lossStatement";

  private OpportunityVariables() {
  }
}
