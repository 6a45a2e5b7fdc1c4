package org.opencollab.loss;

import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_COMMITMENTS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_INPUTS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_SHARES;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_POLICY;
import static org.opencollab.opportunity.OpportunityVariables.LOSS_AMOUNT;
import static org.opencollab.opportunity.OpportunityVariables.LOSS_STATEMENT;
import static org.opencollab.opportunity.OpportunityVariables.OPPORTUNITY_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollab.incentive.SettlementInputs;
import org.opencollab.opportunity.DepartmentCommitments;
import org.opencollab.opportunity.Team;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Service task {@code AllocateLoss}: reads {@code lossAmount}, {@code departmentInputs}, {@code
 * departmentShares}, the team, its sealed ratings and {@code incentivePolicy}; writes {@code
 * lossStatement}. An invalid input fails naming the variable and writes nothing.
 */
@Component("allocateLoss")
public class AllocateLossDelegate implements JavaDelegate {

  private final LossAllocator allocator = new LossAllocator();

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader variables = SettlementInputs.variables(execution);
    LossInput input =
        execution.getVariable(INCENTIVE_POLICY) == null
            // a model version that rated nobody on a loss
            ? new LossInput(
                variables.requiredString(OPPORTUNITY_ID),
                variables.money(LOSS_AMOUNT),
                variables.integerMap(DEPARTMENT_SHARES),
                departmentInputs(variables))
            : new LossInput(
                variables.requiredString(OPPORTUNITY_ID),
                variables.money(LOSS_AMOUNT),
                variables.integerMap(DEPARTMENT_SHARES),
                departmentInputs(variables),
                Team.read(variables).members(),
                SettlementInputs.ratings(variables),
                SettlementInputs.policy(variables));
    execution.setVariable(
        LOSS_STATEMENT,
        JsonVariables.value(
            DepartmentCommitments.withCommitments(
                allocator.allocate(input),
                execution.getVariable(DEPARTMENT_COMMITMENTS),
                execution.getVariable(DEPARTMENT_INPUTS))));
  }

  /**
   * Each department's reported hours and cost, from {@code departmentInputs}; also read by the
   * impact preview, which computes a loss statement again.
   */
  public static SortedMap<String, DepartmentInput> departmentInputs(VariableReader variables) {
    SortedMap<String, DepartmentInput> inputs = new TreeMap<>();
    variables
        .jsonObject(DEPARTMENT_INPUTS)
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode reported = entry.getValue();
              if (!reported.path("hours").isNumber() || !reported.path("cost").isNumber()) {
                throw new InvalidVariableException(
                    DEPARTMENT_INPUTS,
                    new Rule(
                            entry.getKey() + " needs numeric hours and cost",
                            entry.getKey() + " 需要数字形式的工时（hours）和成本（cost）")
                        .got(reported));
              }
              inputs.put(
                  entry.getKey(),
                  new DepartmentInput(
                      VariableReader.decimal(DEPARTMENT_INPUTS, reported.get("hours")),
                      VariableReader.decimal(DEPARTMENT_INPUTS, reported.get("cost"))));
            });
    return inputs;
  }
}
