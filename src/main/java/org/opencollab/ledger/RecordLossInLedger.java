package org.opencollab.ledger;

import static org.opencollab.opportunity.OpportunityVariables.LOSS_STATEMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollab.loss.LossStatement;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code RecordLossInLedger} (<i>Record in ledger</i>, after <i>Allocate loss</i>):
 * reads {@code lossStatement} and writes it into the ledger, once (风险共担).
 */
@Component("recordLossInLedger")
public class RecordLossInLedger implements JavaDelegate {

  private final Ledger ledger;

  public RecordLossInLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.record(
        JsonVariables.read(execution.getVariable(LOSS_STATEMENT), LossStatement.class),
        execution.getProcessInstanceId());
  }
}
