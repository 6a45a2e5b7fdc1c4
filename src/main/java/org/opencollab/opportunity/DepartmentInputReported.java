package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_INPUTS;
import static org.opencollab.opportunity.OpportunityVariables.INPUT_COST;
import static org.opencollab.opportunity.OpportunityVariables.INPUT_HOURS;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * {@code ReportDepartmentInput} complete listener: gathers each department's input into {@code
 * departmentInputs}.
 */
@Component("departmentInputReported")
public class DepartmentInputReported implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    VariableReader variables = VariableReader.of(task::getVariable);
    DelegateExecution opportunity = task.getExecution().getProcessInstance();
    JsonVariables.update(
        opportunity,
        DEPARTMENT_INPUTS,
        inputs ->
            inputs
                .putObject((String) task.getVariable(DEPARTMENT))
                .put(
                    "hours",
                    variables.number(INPUT_HOURS, BigDecimal.ZERO, OpportunityRules.MAX_HOURS))
                .put("cost", variables.money(INPUT_COST)));
  }
}
