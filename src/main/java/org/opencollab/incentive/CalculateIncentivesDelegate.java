package org.opencollab.incentive;

import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_SHARES;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_POLICY;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_STATEMENT;
import static org.opencollab.opportunity.OpportunityVariables.OPPORTUNITY_ID;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.REALIZED_REVENUE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollab.opportunity.PeersEvaluated;
import org.opencollab.opportunity.Team;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Service task {@code CalculateIncentives}: reads the delivered opportunity's revenue, shares,
 * team, peer ratings and the policy chosen by DMN {@code incentivePolicy}; writes {@code
 * incentiveStatement}. An invalid input fails naming the variable and writes nothing.
 */
@Component("calculateIncentives")
public class CalculateIncentivesDelegate implements JavaDelegate {

  private final IncentiveCalculator calculator = new IncentiveCalculator();

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader variables =
        VariableReader.of(
            name ->
                PEER_RATINGS.equals(name)
                    ? PeersEvaluated.ratings(execution)
                    : execution.getVariable(name));
    IncentiveInput input =
        new IncentiveInput(
            variables.requiredString(OPPORTUNITY_ID),
            variables.money(REALIZED_REVENUE),
            variables.integerMap(DEPARTMENT_SHARES),
            Team.read(variables).members(),
            variables.nestedIntegerMap(PEER_RATINGS),
            policy(variables));
    IncentiveStatement statement = calculator.calculate(input);
    execution.setVariable(INCENTIVE_STATEMENT, JsonVariables.value(statement));
  }

  private static IncentivePolicy policy(VariableReader variables) {
    ObjectNode policy = variables.jsonObject(INCENTIVE_POLICY);
    for (String output :
        List.of("poolRate", "freeRiderThreshold", "starThreshold", "starPromotionPoints")) {
      if (!policy.path(output).isNumber()) {
        throw new InvalidVariableException(
            INCENTIVE_POLICY, Rule.number().about(output).got(policy.get(output)));
      }
    }
    if (!policy.get("starPromotionPoints").canConvertToInt()
        || !policy.get("starPromotionPoints").isIntegralNumber()) {
      throw new InvalidVariableException(
          INCENTIVE_POLICY, Rule.wholeNumber().about("starPromotionPoints"));
    }
    return new IncentivePolicy(
        VariableReader.decimal(INCENTIVE_POLICY, policy.get("poolRate")),
        VariableReader.decimal(INCENTIVE_POLICY, policy.get("freeRiderThreshold")),
        VariableReader.decimal(INCENTIVE_POLICY, policy.get("starThreshold")),
        policy.get("starPromotionPoints").intValue());
  }
}
