package org.opencollab.health;

import static org.opencollab.health.HealthCheckVariables.HEALTH_REPORT;
import static org.opencollab.health.HealthCheckVariables.PERIOD_DAYS;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code AssessCollaborationHealth} (asynchronous): reads the engine's history of the
 * last {@code periodDays} days, up to now, and writes {@code healthReport}
 * (docs/collaboration-health.md).
 */
@Component("assessCollaborationHealth")
public class AssessCollaborationHealthDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int days = ((Number) execution.getVariable(PERIOD_DAYS)).intValue();
    Instant to = ClockUtil.getCurrentTime().toInstant();
    Instant from = to.minus(Duration.ofDays(days));
    execution.setVariable(
        HEALTH_REPORT,
        JsonVariables.value(
            new HealthAssessment(execution.getProcessEngineServices(), from, to).report()));
  }
}
