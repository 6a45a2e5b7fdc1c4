package org.opencollab.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.opencollab.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * What operators watch, as Prometheus metrics ({@code /actuator/prometheus}, administrators only).
 * Every value is read from the engine's database when Prometheus scrapes, so each node reports the
 * whole cluster's figures: aggregate across nodes with {@code max}, not {@code sum}.
 *
 * <ul>
 *   <li>{@code collab_instances_started{process}}, {@code collab_instances_ended{process}} and
 *       {@code collab_opportunities_ended{outcome}} (DISQUALIFIED, LOST, DELIVERY_FAILED,
 *       DELIVERED);
 *   <li>{@code collab_tasks_open{group}}: open tasks offered to each candidate group, and {@code
 *       collab_tasks_overdue}: open tasks past their due date;
 *   <li>{@code collab_incidents}: open incidents;
 *   <li>{@code collab_jobs_due}: jobs the job executor should run now (its backlog), {@code
 *       collab_jobs_failing}: jobs whose last run failed and will be retried, and {@code
 *       collab_jobs_failed}: jobs out of retries (each one an incident).
 * </ul>
 */
@Component
public class CollaborationMetrics implements MeterBinder {

  static final List<String> PROCESSES =
      List.of("opportunityToDelivery", "collaborationArbitration");
  static final List<String> OUTCOMES =
      List.of("DISQUALIFIED", "LOST", "DELIVERY_FAILED", "DELIVERED");

  private final ProcessEngine engine;

  public CollaborationMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String process : PROCESSES) {
      gauge(
          registry,
          "collab.instances.started",
          "process instances started",
          () ->
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(process)
                  .count(),
          "process",
          process);
      gauge(
          registry,
          "collab.instances.ended",
          "process instances ended",
          () ->
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(process)
                  .finished()
                  .count(),
          "process",
          process);
    }
    for (String outcome : OUTCOMES) {
      gauge(
          registry,
          "collab.opportunities.ended",
          "opportunities ended, by finalOutcome",
          () ->
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey("opportunityToDelivery")
                  .finished()
                  .variableValueEquals("finalOutcome", outcome)
                  .count(),
          "outcome",
          outcome);
    }
    for (Groups.GroupSpec group : Groups.all()) {
      gauge(
          registry,
          "collab.tasks.open",
          "open tasks offered to a candidate group",
          () -> engine.getTaskService().createTaskQuery().taskCandidateGroup(group.id()).count(),
          "group",
          group.id());
    }
    gauge(
        registry,
        "collab.tasks.overdue",
        "open tasks past their due date",
        () -> engine.getTaskService().createTaskQuery().dueBefore(new Date()).count());
    gauge(
        registry,
        "collab.incidents",
        "open incidents",
        () -> engine.getRuntimeService().createIncidentQuery().count());
    gauge(
        registry,
        "collab.jobs.due",
        "jobs due now: the job executor's backlog",
        () -> engine.getManagementService().createJobQuery().executable().count());
    gauge(
        registry,
        "collab.jobs.failing",
        "jobs whose last run failed and that will be retried",
        () ->
            engine
                .getManagementService()
                .createJobQuery()
                .withException()
                .withRetriesLeft()
                .count());
    gauge(
        registry,
        "collab.jobs.failed",
        "jobs out of retries",
        () -> engine.getManagementService().createJobQuery().noRetriesLeft().count());
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      Supplier<Long> value,
      String... tags) {
    Gauge.builder(name, value, supplier -> supplier.get().doubleValue())
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
