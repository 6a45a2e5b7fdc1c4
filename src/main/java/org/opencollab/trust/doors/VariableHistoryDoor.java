package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.springframework.stereotype.Component;

/**
 * The values of the history are for auditors, process owners and administrators. Camunda lets
 * anyone who may read one task of an instance read every historic variable of that instance, so the
 * people still rating or voting would read the others' answers there (they read their own tasks'
 * values at runtime, and the opportunity's story through the product). A query like any other
 * besides ({@link QueryDoor}).
 */
@Component
class VariableHistoryDoor implements Door<AbstractQuery<?, ?>> {

  private final ConfidentialDoors confidential;

  VariableHistoryDoor(ConfidentialDoors confidential) {
    this.confidential = confidential;
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(HistoricVariableInstanceQueryImpl.class, HistoricDetailQueryImpl.class);
  }

  @Override
  public Check guard(AbstractQuery<?, ?> query, Caller caller) {
    QueryExpressions.refuseIn(query);
    confidential.refuseFiltersIn(query, caller);
    if (caller != null && !caller.isProcessOwner() && !caller.isAuditor()) {
      throw new AuthorizationException(
          caller.userId()
              + " may not read the variable history: auditors, process owners and administrators may");
    }
    return Check.NONE;
  }
}
