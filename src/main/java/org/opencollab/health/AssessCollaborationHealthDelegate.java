package org.opencollab.health;

import static org.opencollab.health.HealthCheckVariables.HEALTH_REPORT;
import static org.opencollab.health.HealthCheckVariables.PERIOD_DAYS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code AssessCollaborationHealth} (asynchronous): reads the engine's history of the
 * last {@code periodDays} days, up to now, and writes {@code healthReport}, compared with the
 * report of the check before (docs/collaboration-health.md).
 */
@Component("assessCollaborationHealth")
public class AssessCollaborationHealthDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int days = ((Number) execution.getVariable(PERIOD_DAYS)).intValue();
    Instant to = ClockUtil.getCurrentTime().toInstant();
    Instant from = to.minus(Duration.ofDays(days));
    ObjectNode report =
        new HealthAssessment(execution.getProcessEngineServices(), from, to).report();
    ReportComparison.compare(
        report,
        PreviousCheck.before(
                execution.getProcessEngineServices().getHistoryService(),
                execution.getProcessInstanceId(),
                to)
            .orElse(null));
    execution.setVariable(HEALTH_REPORT, JsonVariables.value(report));
  }
}
