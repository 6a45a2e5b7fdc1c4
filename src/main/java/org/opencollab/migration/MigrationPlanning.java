package org.opencollab.migration;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencollab.migration.MigrationProposal.Instruction;
import org.opencollab.migration.MigrationProposal.Refused;
import org.opencollab.models.ChineseNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the move of one version's running instances to another version with Camunda's migration
 * API: every step mapped to the step of the same id ({@code mapEqualActivities}), plus the process
 * owner's explicit mappings for steps whose id changed. Timers are not updated: a timer keeps the
 * due date it had (an SLA started in the old version is not restarted by the move).
 *
 * <p>Which instances the plan can move is Camunda's own answer, not a guess: each instance is moved
 * in a transaction that is then rolled back, and an instance Camunda refuses brings its validation
 * report, said again in words ({@link MigrationReasons}). Nothing of the trial stays.
 */
@Component
public class MigrationPlanning {

  private final ProcessEngine engine;
  private final ChineseNames names;
  private final TransactionTemplate trial;

  public MigrationPlanning(
      ProcessEngine engine, PlatformTransactionManager transactions, ChineseNames names) {
    this.engine = engine;
    this.names = names;
    this.trial = new TransactionTemplate(transactions);
  }

  /** A step of the old version mapped to a step of another id in the new one. */
  public record Mapping(String from, String to) {}

  /** The plan, or the reasons it is not valid (then {@code plan} is null). */
  record Planned(MigrationPlan plan, List<Reason> problems) {}

  Planned plan(
      ProcessDefinition from,
      ProcessDefinition to,
      List<Mapping> mappings,
      ActivityNames source,
      ActivityNames target) {
    MigrationPlanBuilder builder =
        engine
            .getRuntimeService()
            .createMigrationPlan(from.getId(), to.getId())
            .mapEqualActivities();
    for (Mapping mapping : mappings) {
      builder = builder.mapActivities(mapping.from(), mapping.to());
    }
    try {
      return new Planned(builder.build(), List.of());
    } catch (MigrationPlanValidationException invalid) {
      return new Planned(
          null, MigrationReasons.ofPlan(invalid.getValidationReport(), source, target));
    }
  }

  /** The proposal for every running instance of {@code from}: movable or refused, and why. */
  MigrationProposal propose(
      String processKey,
      ProcessDefinition from,
      ProcessDefinition to,
      Planned planned,
      ActivityNames source,
      ActivityNames target) {
    RuntimeService runtime = engine.getRuntimeService();
    List<ProcessInstance> running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionId(from.getId())
            .orderByProcessInstanceId()
            .asc()
            .list();
    Map<String, Date> started =
        RunningInstance.startTimes(engine.getHistoryService(), from.getId());
    List<RunningInstance> movable = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (ProcessInstance instance : running) {
      RunningInstance described =
          RunningInstance.of(instance, runtime, started.get(instance.getId()), source);
      if (planned.plan() == null) {
        refused.add(new Refused(described, planned.problems()));
        continue;
      }
      List<Reason> reasons = tryToMove(planned.plan(), instance.getId(), source);
      if (reasons.isEmpty()) {
        movable.add(described);
      } else {
        refused.add(new Refused(described, reasons));
      }
    }
    List<Instruction> instructions =
        planned.plan() == null
            ? List.of()
            : planned.plan().getInstructions().stream()
                .map(instruction -> instruction(instruction, source, target))
                .toList();
    return new MigrationProposal(
        processKey,
        from.getVersion(),
        from.getId(),
        to.getVersion(),
        to.getId(),
        instructions,
        planned.problems(),
        List.copyOf(movable),
        List.copyOf(refused),
        null);
  }

  /** Moves the instance in a transaction that is rolled back: Camunda's reasons, or none. */
  private List<Reason> tryToMove(MigrationPlan plan, String instanceId, ActivityNames names) {
    return trial.execute(
        status -> {
          status.setRollbackOnly();
          try {
            engine.getRuntimeService().newMigration(plan).processInstanceIds(instanceId).execute();
            return List.of();
          } catch (MigratingProcessInstanceValidationException refused) {
            return MigrationReasons.ofInstance(refused.getValidationReport(), names);
          } catch (OptimisticLockingException busy) {
            return List.of(
                new Reason(
                    "",
                    "It changed while the plan was made (a step was completed, or a job ran):"
                        + " plan again.",
                    "制定计划时它发生了变化（有步骤被完成或作业已执行）：请重新制定计划。"));
          } catch (ProcessEngineException refused) {
            return List.of(MigrationReasons.ofStep("", refused.getMessage(), names));
          }
        });
  }

  ActivityNames names(ProcessDefinition definition) {
    return ActivityNames.of(
        names.of(definition.getId(), engine.getRepositoryService()::getBpmnModelInstance));
  }

  private static Instruction instruction(
      MigrationInstruction instruction, ActivityNames source, ActivityNames target) {
    String from = instruction.getSourceActivityId();
    String to = instruction.getTargetActivityId();
    return new Instruction(
        from,
        source.english(from),
        source.chinese(from),
        to,
        target.english(to),
        target.chinese(to));
  }
}
