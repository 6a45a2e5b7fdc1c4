package org.opencollab.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the collaboration health check starts by itself: {@code collab.health.cron}, a Camunda cron
 * expression (seconds first), by default every Monday at 06:00. The timer start event reads it as
 * {@code ${healthCheckSchedule.cron}}. The application reads it when it starts, the engine each
 * time the timer fires ({@code reevaluateTimeCycleWhenDue}): after a change and a restart, the run
 * already due keeps its time and the runs after it follow the new setting.
 */
@Component("healthCheckSchedule")
public class HealthCheckSchedule {

  private final String cron;

  public HealthCheckSchedule(@Value("${collab.health.cron:0 0 6 ? * MON}") String cron) {
    this.cron = cron;
  }

  public String getCron() {
    return cron;
  }
}
