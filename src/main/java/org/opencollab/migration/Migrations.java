package org.opencollab.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.opencollab.migration.MigrationPlanning.Mapping;
import org.opencollab.migration.MigrationPlanning.Planned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The running instances of a process per version, the plan to move one version's instances to the
 * latest, and the move as a Camunda batch that the job executor runs. The move is made as the
 * process owner who asked, so the batch and Camunda's user operation log name them.
 */
@Component
public class Migrations {

  /** The instances listed per version; the count says how many there are in all. */
  static final int LISTED = 200;

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final ProcessEngine engine;
  private final MigrationPlanning planning;

  public Migrations(ProcessEngine engine, MigrationPlanning planning) {
    this.engine = engine;
    this.planning = planning;
  }

  /** One version of a process with its running instances (the first {@link #LISTED}). */
  public record Version(
      int version,
      String definitionId,
      String versionTag,
      boolean latest,
      long running,
      List<RunningInstance> instances) {}

  /** How far a batch is: its jobs, one per instance moved. */
  public record Progress(
      String batchId,
      int total,
      int completed,
      int failed,
      int remaining,
      boolean finished,
      Date ended) {}

  /** Every version of {@code processKey}, newest first; empty when no such process is deployed. */
  public Optional<List<Version>> running(String processKey) {
    List<ProcessDefinition> definitions = definitions(processKey);
    if (definitions.isEmpty()) {
      return Optional.empty();
    }
    RuntimeService runtime = engine.getRuntimeService();
    int latest = definitions.get(0).getVersion();
    List<Version> versions = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      long count =
          runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
      List<RunningInstance> instances = List.of();
      if (count > 0) {
        ActivityNames names = planning.names(definition);
        Map<String, Date> started =
            RunningInstance.startTimes(engine.getHistoryService(), definition.getId());
        instances =
            runtime
                .createProcessInstanceQuery()
                .processDefinitionId(definition.getId())
                .orderByBusinessKey()
                .asc()
                .listPage(0, LISTED)
                .stream()
                .map(
                    instance ->
                        RunningInstance.of(instance, runtime, started.get(instance.getId()), names))
                .toList();
      }
      versions.add(
          new Version(
              definition.getVersion(),
              definition.getId(),
              definition.getVersionTag(),
              definition.getVersion() == latest,
              count,
              instances));
    }
    return Optional.of(List.copyOf(versions));
  }

  /** The versions of {@code processKey}, newest first. */
  List<ProcessDefinition> definitions(String processKey) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion()
        .desc()
        .list();
  }

  /** A mapping whose step the old or the new version does not have, or null when all are known. */
  String unknownStep(ProcessDefinition from, ProcessDefinition to, List<Mapping> mappings) {
    for (Mapping mapping : mappings) {
      if (!isStep(from, mapping.from())) {
        return mapping.from();
      }
      if (!isStep(to, mapping.to())) {
        return mapping.to();
      }
    }
    return null;
  }

  private boolean isStep(ProcessDefinition definition, String activityId) {
    return engine
            .getRepositoryService()
            .getBpmnModelInstance(definition.getId())
            .getModelElementById(activityId)
        instanceof FlowNode;
  }

  /**
   * The plan from {@code from} to {@code to} and, unless {@code dryRun}, the move of every instance
   * it can move as a batch started by {@code userId} (with {@code groups}, as Camunda checks them).
   */
  public MigrationProposal propose(
      String processKey,
      ProcessDefinition from,
      ProcessDefinition to,
      List<Mapping> mappings,
      boolean dryRun,
      String userId,
      Collection<String> groups) {
    ActivityNames source = planning.names(from);
    ActivityNames target = planning.names(to);
    Planned planned = planning.plan(from, to, mappings, source, target);
    long started = System.nanoTime();
    MigrationProposal proposal = planning.propose(processKey, from, to, planned, source, target);
    LOG.info(
        "Planned the move of {} from version {} to {} in {} ms: {} can move, {} cannot",
        processKey,
        from.getVersion(),
        to.getVersion(),
        (System.nanoTime() - started) / 1_000_000,
        proposal.movable().size(),
        proposal.refused().size());
    if (dryRun || planned.plan() == null || proposal.movable().isEmpty()) {
      return proposal;
    }
    List<String> ids = proposal.movable().stream().map(RunningInstance::processInstanceId).toList();
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(userId, List.copyOf(groups));
    try {
      String batchId =
          engine
              .getRuntimeService()
              .newMigration(planned.plan())
              .processInstanceIds(ids)
              .executeAsync()
              .getId();
      return proposal.withBatch(batchId);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** How far batch {@code batchId} is; empty when there is no such batch, running or finished. */
  public Optional<Progress> progress(String batchId) {
    BatchStatistics running =
        engine.getManagementService().createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null && Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())) {
      int done = running.getCompletedJobs();
      return Optional.of(
          new Progress(
              batchId,
              running.getTotalJobs(),
              done,
              running.getFailedJobs(),
              running.getRemainingJobs(),
              false,
              null));
    }
    HistoricBatch ended =
        engine.getHistoryService().createHistoricBatchQuery().batchId(batchId).singleResult();
    if (ended == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(ended.getType())) {
      return Optional.empty();
    }
    boolean finished = ended.getEndTime() != null;
    return Optional.of(
        new Progress(
            batchId,
            ended.getTotalJobs(),
            finished ? ended.getTotalJobs() : 0,
            0,
            finished ? 0 : ended.getTotalJobs(),
            finished,
            ended.getEndTime()));
  }
}
