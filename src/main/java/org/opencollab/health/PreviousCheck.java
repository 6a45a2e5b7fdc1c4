package org.opencollab.health;

import static org.opencollab.health.HealthCheckVariables.HEALTH_REPORT;
import static org.opencollab.health.HealthCheckVariables.PROCESS_KEY;
import static org.opencollab.health.HealthCheckVariables.WARNING_FOLLOW_UPS;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opencollab.health.ReportComparison.LastCheck;
import org.opencollab.variables.JsonVariables;

/**
 * Finds, in the engine's history, the check before this one: the latest other health check started
 * up to now that has assessed, with its report and the follow-ups gathered so far.
 */
final class PreviousCheck {

  /** How many earlier checks are looked at for one with a report (some never assessed). */
  private static final int LOOKED_AT = 20;

  private PreviousCheck() {}

  static Optional<LastCheck> before(HistoryService history, String thisCheck, Instant now) {
    for (HistoricProcessInstance check :
        HistoryWindow.read(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(PROCESS_KEY)
                    .startedBefore(Date.from(now))
                    .orderByProcessInstanceStartTime()
                    .desc()
                    .listPage(0, LOOKED_AT))) {
      if (check.getId().equals(thisCheck)) {
        continue;
      }
      HistoricVariableInstance report = variable(history, check.getId(), HEALTH_REPORT);
      if (report == null || report.getValue() == null) {
        continue;
      }
      HistoricVariableInstance followUps = variable(history, check.getId(), WARNING_FOLLOW_UPS);
      return Optional.of(
          new LastCheck(
              check.getId(),
              report.getCreateTime().toInstant().toString(),
              JsonVariables.object(report.getValue()),
              followUps == null || followUps.getValue() == null
                  ? null
                  : JsonVariables.array(followUps.getValue())));
    }
    return Optional.empty();
  }

  private static HistoricVariableInstance variable(
      HistoryService history, String check, String name) {
    return HistoryWindow.read(
        () ->
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(check)
                .variableName(name)
                .list()
                .stream()
                .findFirst()
                .orElse(null));
  }
}
