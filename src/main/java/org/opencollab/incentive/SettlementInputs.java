package org.opencollab.incentive;

import static org.opencollab.opportunity.OpportunityVariables.COORDINATOR_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_POLICY;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.SPONSOR_RATINGS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencollab.opportunity.PeersEvaluated;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;

/**
 * What both settlement calculations read from an opportunity: the policy DMN {@code
 * incentivePolicy} gave and the team's sealed ratings. Shared by {@code CalculateIncentives} and
 * {@code AllocateLoss}.
 */
public final class SettlementInputs {

  private static final Set<String> RATING_KINDS =
      Set.of(PEER_RATINGS, SPONSOR_RATINGS, COORDINATOR_RATINGS);

  private SettlementInputs() {}

  /** The variables of {@code execution}, the ratings read through their seal. */
  public static VariableReader variables(DelegateExecution execution) {
    return VariableReader.of(
        name ->
            RATING_KINDS.contains(name)
                ? PeersEvaluated.ratings(execution, name)
                : execution.getVariable(name));
  }

  /** The peers', the sponsor's and the coordinator's ratings. */
  public static TeamRatings ratings(VariableReader variables) {
    return new TeamRatings(
        variables.nestedIntegerMap(PEER_RATINGS),
        variables.nestedIntegerMap(SPONSOR_RATINGS),
        variables.nestedIntegerMap(COORDINATOR_RATINGS));
  }

  /**
   * The policy. A decision version from before the 360-degree outputs gives none of them: peers
   * alone score and support earns no points ({@link IncentivePolicy}'s short constructor).
   */
  public static IncentivePolicy policy(VariableReader variables) {
    ObjectNode policy = variables.jsonObject(INCENTIVE_POLICY);
    for (String output :
        List.of("poolRate", "freeRiderThreshold", "starThreshold", "starPromotionPoints")) {
      requireNumber(policy, output);
    }
    int starPoints = wholeNumber(policy, "starPromotionPoints");
    BigDecimal poolRate = decimal(policy, "poolRate");
    BigDecimal freeRider = decimal(policy, "freeRiderThreshold");
    BigDecimal star = decimal(policy, "starThreshold");
    if (!policy.has("peerWeight")) {
      return new IncentivePolicy(poolRate, freeRider, star, starPoints);
    }
    for (String output :
        List.of(
            "peerWeight",
            "sponsorWeight",
            "coordinatorWeight",
            "supportThreshold",
            "supportPromotionPoints")) {
      requireNumber(policy, output);
    }
    return new IncentivePolicy(
        poolRate,
        freeRider,
        star,
        starPoints,
        decimal(policy, "peerWeight"),
        decimal(policy, "sponsorWeight"),
        decimal(policy, "coordinatorWeight"),
        decimal(policy, "supportThreshold"),
        wholeNumber(policy, "supportPromotionPoints"));
  }

  private static void requireNumber(ObjectNode policy, String output) {
    if (!policy.path(output).isNumber()) {
      throw new InvalidVariableException(
          INCENTIVE_POLICY, Rule.number().about(output).got(policy.get(output)));
    }
  }

  private static int wholeNumber(ObjectNode policy, String output) {
    JsonNode value = policy.get(output);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new InvalidVariableException(INCENTIVE_POLICY, Rule.wholeNumber().about(output));
    }
    return value.intValue();
  }

  private static BigDecimal decimal(ObjectNode policy, String output) {
    return VariableReader.decimal(INCENTIVE_POLICY, policy.get(output));
  }
}
