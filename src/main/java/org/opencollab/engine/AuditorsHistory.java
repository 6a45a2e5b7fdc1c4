package org.opencollab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.opencollab.config.EnginePlugins;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The history the product keeps (docs/operators.md, "What history keeps"): Camunda's {@code full}
 * history, which auditors need, less three kinds of rows that no reader of the product takes and
 * that no person wrote:
 *
 * <ul>
 *   <li>the counters the engine keeps on a multi-instance step ({@code nrOfInstances}, {@code
 *       nrOfActiveInstances}, {@code nrOfCompletedInstances}, {@code loopCounter}), neither as
 *       variables nor as their updates;
 *   <li>the update row of a variable created empty in an activity's own scope, as a step's input
 *       mapping creates the fields its form fills ({@code ${null}}): the variable and the value it
 *       gets are kept, and so is an empty variable created on a process instance or a task;
 *   <li>the job log's rows for a job's creation and its removal (a late step's timer removed when
 *       the step is done in time): each run of a job, its success or its failure with the node that
 *       ran it, stays in the job log.
 * </ul>
 *
 * <p>The level keeps id 3, Camunda's {@code full}, so a database written with {@code full} opens
 * with it and the other way round. It is named {@value #NAME}, and takes the place of {@code full}
 * only: a deployment configured with another level ({@code camunda.bpm.history-level}) keeps it.
 */
@Component
@Order(EnginePlugins.AUDITORS_HISTORY)
public class AuditorsHistory extends AbstractProcessEnginePlugin {

  public static final String NAME = "full-for-auditors";

  /** The counters of a multi-instance step, which the engine sets on its executions. */
  static final Set<String> COUNTERS =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  /** A job's creation and removal; its runs (success or failure) stay in the job log. */
  private static final Set<HistoryEventType> JOB_BOOKKEEPING =
      Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE);

  private static final Set<HistoryEventType> VARIABLE_EVENTS =
      Set.of(
          HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
          HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
          HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
          HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
          HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

  static final HistoryLevel LEVEL = new Level();

  /** Takes Camunda's {@code full} history's place; another configured level is left as it is. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!HistoryLevel.HISTORY_LEVEL_FULL.getName().equalsIgnoreCase(configuration.getHistory())) {
      return;
    }
    List<HistoryLevel> custom =
        new ArrayList<>(
            configuration.getCustomHistoryLevels() == null
                ? List.of()
                : configuration.getCustomHistoryLevels());
    custom.add(LEVEL);
    configuration.setCustomHistoryLevels(custom);
    configuration.setHistoryLevel(LEVEL);
    configuration.setHistory(NAME);
  }

  /** Whether the engine writes this history event; see the class comment. */
  static boolean kept(HistoryEventType type, Object entity) {
    if (JOB_BOOKKEEPING.contains(type)) {
      return false;
    }
    if (!VARIABLE_EVENTS.contains(type)) {
      return true;
    }
    if (entity instanceof VariableInstance variable) {
      return !COUNTERS.contains(variable.getName());
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      boolean createdEmpty =
          HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(update.getEventType())
              && ValueType.NULL.getName().equals(update.getSerializerName())
              && update.getTaskId() == null
              && update.getExecutionId() != null
              && !update.getExecutionId().equals(update.getProcessInstanceId());
      return !createdEmpty && !COUNTERS.contains(update.getVariableName());
    }
    return true;
  }

  /** Camunda's {@code full} (id 3) less what {@link #kept} leaves out. */
  static final class Level extends AbstractHistoryLevel {

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return kept(eventType, entity);
    }
  }
}
