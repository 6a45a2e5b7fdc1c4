package org.opencollab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;
import org.opencollab.ProcessTest;
import org.opencollab.script.EngineSteps;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.support.HistoryRows;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history the product keeps (docs/operators.md, "What history keeps"): Camunda's full history
 * of the worked example, less the counters of multi-instance steps, the update rows of fields
 * created empty, and the job log's rows for creating and removing jobs. What the story, the ledger
 * and the health check read is kept; their own tests hold their figures.
 */
@ProcessTest
class AuditorsHistoryTest {

  @Autowired ProcessEngine engine;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired DataSource dataSource;

  @Test
  void theEngineKeepsFullHistoryUnderItsOwnNameWithFullsId() {
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(AuditorsHistory.NAME);
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(3);
  }

  @Test
  void theWorkedExampleLeavesNoCounterNoEmptyFieldRowAndOnlyTheJobsRunsInTheJobLog()
      throws Exception {
    String id = OpportunityDriver.newOpportunityId();
    EngineSteps steps = EngineSteps.asThePerformers(engine);
    String root =
        steps
            .start(WorkedOpportunity.ACCOUNT_MANAGER_USER, WorkedOpportunity.keyAccount(id))
            .getId();
    steps.play(id, WorkedOpportunity.delivered());
    long tasks =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .rootProcessInstanceId(root)
            .count();

    Map<String, Integer> rows = HistoryRows.of(dataSource, root);
    System.out.print(
        "History rows of one DELIVERED opportunity (the worked example):\n"
            + HistoryRows.table(rows, tasks));

    assertThat(HistoryRows.byColumn(dataSource, "ACT_HI_VARINST", "NAME_", root))
        .doesNotContainKeys(AuditorsHistory.COUNTERS.toArray(String[]::new))
        .containsEntry("opportunityId", 1)
        .containsKeys("inputHours", "inputCost", "agreementApproved", "department");
    assertThat(HistoryRows.byColumn(dataSource, "ACT_HI_DETAIL", "NAME_", root))
        .doesNotContainKeys(AuditorsHistory.COUNTERS.toArray(String[]::new));
    assertThat(HistoryRows.byColumn(dataSource, "ACT_HI_DETAIL", "VAR_TYPE_", root))
        .doesNotContainKey("null");
    assertThat(HistoryRows.byColumn(dataSource, "ACT_HI_JOB_LOG", "JOB_STATE_", root))
        .as("only the jobs' runs: successful (2)")
        .containsOnlyKeys("2");
    assertThat(rows.get("ACT_HI_ACTINST")).isPositive();
    assertThat(rows.get("ACT_HI_DEC_OUT")).isPositive();
  }

  @Test
  void aJobsFailureAndAVariableClearedLaterAreKept() {
    assertThat(AuditorsHistory.kept(HistoryEventTypes.JOB_FAIL, null)).isTrue();
    assertThat(AuditorsHistory.kept(HistoryEventTypes.JOB_SUCCESS, null)).isTrue();
    assertThat(AuditorsHistory.kept(HistoryEventTypes.JOB_CREATE, null)).isFalse();
    assertThat(AuditorsHistory.kept(HistoryEventTypes.JOB_DELETE, null)).isFalse();
    assertThat(AuditorsHistory.kept(HistoryEventTypes.INCIDENT_CREATE, null)).isTrue();

    HistoricVariableUpdateEventEntity cleared = new HistoricVariableUpdateEventEntity();
    cleared.setVariableName("offerValue");
    cleared.setSerializerName("null");
    cleared.setProcessInstanceId("instance");
    cleared.setExecutionId("the step's own scope");
    cleared.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName());
    assertThat(AuditorsHistory.kept(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, cleared))
        .as("a value cleared later")
        .isTrue();
    cleared.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName());
    assertThat(AuditorsHistory.kept(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, cleared))
        .as("a field an input mapping creates empty")
        .isFalse();
    cleared.setExecutionId("instance");
    assertThat(AuditorsHistory.kept(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, cleared))
        .as("an empty variable created on the process instance, by a start say")
        .isTrue();
    cleared.setExecutionId("the step's own scope");
    cleared.setTaskId("task");
    assertThat(AuditorsHistory.kept(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, cleared))
        .as("an empty variable created on a task")
        .isTrue();

    VariableInstanceEntity counter = new VariableInstanceEntity();
    counter.setName("loopCounter");
    assertThat(AuditorsHistory.kept(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, counter)).isFalse();
    VariableInstanceEntity field = new VariableInstanceEntity();
    field.setName("offerValue");
    assertThat(AuditorsHistory.kept(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, field)).isTrue();
  }
}
