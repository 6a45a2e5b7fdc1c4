package org.opencollab.ledger;

import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_STATEMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollab.incentive.IncentiveStatement;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code RecordIncentivesInLedger} (<i>Record in ledger</i>, after <i>Approve
 * incentives</i>): reads the approved {@code incentiveStatement} and writes it into the ledger,
 * once (收益按比例计入各方考核, 晋升加分).
 */
@Component("recordIncentivesInLedger")
public class RecordIncentivesInLedger implements JavaDelegate {

  private final Ledger ledger;

  public RecordIncentivesInLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.record(
        JsonVariables.read(execution.getVariable(INCENTIVE_STATEMENT), IncentiveStatement.class),
        execution.getProcessInstanceId());
  }
}
