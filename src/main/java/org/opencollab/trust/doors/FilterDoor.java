package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * A stored filter run with an extending query: the extending query comes from outside, so it is
 * held to what any query is ({@link QueryDoor}). The stored filter keeps its own expressions
 * ({@code ${currentUser()}}): only administrators may create or change a filter.
 */
@Component
class FilterDoor implements Door<AbstractExecuteFilterCmd> {

  private final ConfidentialDoors confidential;

  FilterDoor(ConfidentialDoors confidential) {
    this.confidential = confidential;
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(AbstractExecuteFilterCmd.class);
  }

  @Override
  public Check guard(AbstractExecuteFilterCmd command, Caller caller) {
    Query<?, ?> extending = CommandFields.read(command, "extendingQuery", Query.class);
    QueryExpressions.refuseIn(extending);
    confidential.refuseFiltersIn(extending, caller);
    return Check.NONE;
  }
}
