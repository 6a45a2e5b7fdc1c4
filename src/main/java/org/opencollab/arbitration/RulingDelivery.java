package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.OPPORTUNITY_ID;
import static org.opencollab.arbitration.ArbitrationVariables.RULING;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Send task {@code DeliverRuling} (message {@code DisputeRuled}) of a dispute started on its own:
 * hands the ruling to the running opportunity, correlated by its business key. An opportunity that
 * has already ended takes no message; the ruling stays in the dispute's history.
 */
@Component("deliverRuling")
public class RulingDelivery implements JavaDelegate {

  public static final String MESSAGE = "DisputeRuled";

  @Override
  public void execute(DelegateExecution execution) {
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey((String) execution.getVariable(OPPORTUNITY_ID))
        .setVariable(RULING, execution.getVariableTyped(RULING))
        .correlateAll();
  }
}
