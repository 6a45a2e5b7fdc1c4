package org.opencollab.incentive;

import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_COMMITMENTS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_INPUTS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_SHARES;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_STATEMENT;
import static org.opencollab.opportunity.OpportunityVariables.OPPORTUNITY_ID;
import static org.opencollab.opportunity.OpportunityVariables.REALIZED_REVENUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollab.opportunity.DepartmentCommitments;
import org.opencollab.opportunity.Team;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Service task {@code CalculateIncentives}: reads the delivered opportunity's revenue, shares,
 * team, the peers', sponsor's and coordinator's ratings and the policy chosen by DMN {@code
 * incentivePolicy}; writes {@code incentiveStatement}. An invalid input fails naming the variable
 * and writes nothing.
 */
@Component("calculateIncentives")
public class CalculateIncentivesDelegate implements JavaDelegate {

  private final IncentiveCalculator calculator = new IncentiveCalculator();

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader variables = SettlementInputs.variables(execution);
    IncentiveInput input =
        new IncentiveInput(
            variables.requiredString(OPPORTUNITY_ID),
            variables.money(REALIZED_REVENUE),
            variables.integerMap(DEPARTMENT_SHARES),
            Team.read(variables).members(),
            SettlementInputs.ratings(variables),
            SettlementInputs.policy(variables));
    IncentiveStatement statement = calculator.calculate(input);
    execution.setVariable(
        INCENTIVE_STATEMENT,
        JsonVariables.value(
            DepartmentCommitments.withCommitments(
                statement,
                execution.getVariable(DEPARTMENT_COMMITMENTS),
                execution.getVariable(DEPARTMENT_INPUTS))));
  }
}
