package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.springframework.stereotype.Component;

/**
 * Every query from outside: no expressions in it, not even in its {@code or} parts ({@link
 * QueryExpressions}, the 7.24.0 CE advisory), and no filtering or sorting by a confidential value
 * ({@link ConfidentialDoors}).
 */
@Component
class QueryDoor implements Door<AbstractQuery<?, ?>> {

  private final ConfidentialDoors confidential;

  QueryDoor(ConfidentialDoors confidential) {
    this.confidential = confidential;
  }

  @Override
  public List<Class<?>> commands() {
    return List.of(AbstractQuery.class);
  }

  @Override
  public Check guard(AbstractQuery<?, ?> query, Caller caller) {
    QueryExpressions.refuseIn(query);
    confidential.refuseFiltersIn(query, caller);
    return Check.NONE;
  }
}
