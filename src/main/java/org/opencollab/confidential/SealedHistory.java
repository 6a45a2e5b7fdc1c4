package org.opencollab.confidential;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps the sealed fields out of the engine's history: a vote or a rating is given in its task's
 * variables, which the engine would write to its variable history and, for a submitted form, to its
 * form-property history, where variable filters on history queries match them. Their events are
 * dropped here; the answer lives in {@link SealedAnswers}, and the decided step gathers it into
 * variables whose history is kept.
 */
final class SealedHistory implements HistoryEventHandler {

  private final HistoryEventHandler next;
  private final Confidential confidential;

  SealedHistory(HistoryEventHandler next, Confidential confidential) {
    this.next = next;
    this.confidential = confidential;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isSealed(event)) {
      next.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    next.handleEvents(events.stream().filter(event -> !isSealed(event)).toList());
  }

  private boolean isSealed(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return confidential.isSealedField(
          variable.getProcessDefinitionKey(),
          variable.getActivityInstanceId(),
          variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return confidential.isSealedField(
          property.getProcessDefinitionKey(),
          property.getActivityInstanceId(),
          property.getPropertyId());
    }
    return false;
  }
}
