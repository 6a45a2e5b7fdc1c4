package org.opencollab.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencollab.identity.Groups;
import org.opencollab.migration.WorkedPhases.Placed;
import org.opencollab.script.WorkedOpportunity;
import org.opencollab.variables.JsonVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 24's test of a migration: a changed {@code opportunityToDelivery} is deployed (a step
 * renamed, its form given a new field, every decision a new version), and twenty opportunities
 * standing at different phases are moved to it as one Camunda batch. Each then goes on to its end,
 * with its variables, the decision versions it pinned and its history kept, and shows the new name
 * at the renamed step when it reaches it. An engine of its own, so the new model version stays
 * here.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "camunda.bpm.process-engine-name=migrationTests")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class MovingOpportunitiesTest {

  private static final String PROCESS = "opportunityToDelivery";

  /** Steps played of the delivered walk: 10 stands at PlanDelivery, the renamed step. */
  private static final int[] DELIVERED_AT = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 20};

  /** Steps played of the lost walk: lost in negotiation, inputs reported, rated, loss recorded. */
  private static final int[] LOST_AT = {10, 12, 16, 19};

  @Autowired ProcessEngine engine;
  @Autowired Migrations migrations;
  @TempDir Path workTree;

  @Test
  void twentyOpportunitiesMoveAndGoOnToTheirEndWithTheirRecordIntact() throws Exception {
    WorkedPhases phases = new WorkedPhases(engine);
    List<Placed> placed = new ArrayList<>();
    for (int steps : DELIVERED_AT) {
      placed.add(phases.place(WorkedOpportunity.delivered(), steps));
    }
    for (int steps : LOST_AT) {
      placed.add(phases.place(WorkedOpportunity.lost(), steps));
    }
    assertThat(placed).hasSize(20);
    ProcessDefinition old = latest();
    Map<String, Map<String, String>> variables = new TreeMap<>();
    Map<String, Set<String>> history = new TreeMap<>();
    Map<String, List<String>> waits = new TreeMap<>();
    for (Placed one : placed) {
      variables.put(one.id(), variables(one));
      waits.put(one.id(), waits(one));
      history.put(one.id(), activityHistory(one));
    }

    assertThat(waits.values().stream().flatMap(List::stream))
        .as("the opportunities wait on timers and messages that must survive the move")
        .anyMatch(wait -> wait.startsWith("timer"))
        .anyMatch(wait -> wait.startsWith("message"));

    assertThat(ChangedModel.deploy(engine, workTree))
        .contains("processes/opportunityToDelivery.bpmn", "decisions/incentivePolicy.dmn");
    ProcessDefinition changed = latest();
    assertThat(changed.getVersion()).isEqualTo(old.getVersion() + 1);

    MigrationProposal dryRun =
        migrations.propose(PROCESS, old, changed, List.of(), true, "olivia", owner());
    assertThat(dryRun.planProblems()).isEmpty();
    assertThat(dryRun.refused()).isEmpty();
    assertThat(ids(dryRun.movable())).containsAll(ids(placed));
    assertThat(dryRun.batchId()).isNull();
    assertThat(dryRun.instructions())
        .anySatisfy(
            instruction -> {
              assertThat(instruction.from()).isEqualTo(ChangedModel.STEP);
              assertThat(instruction.fromEnglish()).isEqualTo(ChangedModel.OLD_NAME);
              assertThat(instruction.toEnglish()).isEqualTo(ChangedModel.NEW_NAME);
              assertThat(instruction.toChinese()).isEqualTo(ChangedModel.NEW_NAME_ZH);
            });
    assertThat(onVersion(old)).as("a dry run moves nothing").containsAll(ids(placed));

    MigrationProposal run =
        migrations.propose(PROCESS, old, changed, List.of(), false, "olivia", owner());
    assertThat(run.batchId()).isNotNull();
    assertThat(migrations.progress(run.batchId()).orElseThrow().finished()).isFalse();
    runBatch(run.batchId());
    assertThat(migrations.progress(run.batchId()).orElseThrow().finished()).isTrue();
    assertThat(onVersion(changed)).containsAll(ids(placed));
    assertThat(onVersion(old)).isEmpty();

    for (Placed one : placed) {
      assertThat(variables(one))
          .as("variables of %s after the move", one.id())
          .isEqualTo(variables.get(one.id()));
      assertThat(activityHistory(one))
          .as("history of %s", one.id())
          .containsAll(history.get(one.id()));
    }
    for (Placed one : placed) {
      phases.finish(one);
      assertThat(phases.ended(one)).isTrue();
      assertThat(history(one).getProcessDefinitionId()).isEqualTo(changed.getId());
      assertThat(activityHistory(one)).containsAll(history.get(one.id()));
      assertThat(finalOutcome(one))
          .isEqualTo(one.walk().equals(WorkedOpportunity.lost()) ? "LOST" : "DELIVERED");
      assertEvaluatedPinnedVersions(one, variables.get(one.id()).get("decisionVersions"));
      HistoricTaskInstance planning = planDelivery(one);
      boolean delivered = one.walk().equals(WorkedOpportunity.delivered());
      if (delivered && one.played() < 10) {
        assertThat(planning.getName())
            .startsWith(ChangedModel.NEW_NAME + " / " + ChangedModel.NEW_NAME_ZH);
      } else if (delivered && one.played() == 10) {
        // open at the move: Camunda moves a task as it is, its name included
        assertThat(planning.getName()).startsWith(ChangedModel.OLD_NAME + " / ");
      }
    }
  }

  @Test
  void anInstanceAtAStepTheNewVersionLacksIsRefusedNamingItUntilTheStepIsMapped() {
    ProcessDefinition[] versions = ProbeProcess.deployTwoVersions(engine);
    String waiting =
        engine.getRuntimeService().startProcessInstanceById(versions[0].getId(), "PROBE-1").getId();

    MigrationProposal unmapped =
        migrations.propose(
            ProbeProcess.KEY, versions[0], versions[1], List.of(), false, "olivia", owner());
    assertThat(unmapped.movable()).isEmpty();
    assertThat(unmapped.batchId()).as("nothing to move, no batch").isNull();
    assertThat(unmapped.refused()).hasSize(1);
    Reason reason = unmapped.refused().get(0).reasons().get(0);
    assertThat(reason.activityId()).isEqualTo(ProbeProcess.OLD_STEP);
    assertThat(reason.english())
        .isEqualTo(
            "It stands at \"Check the offer\", which the new version does not have (no step with"
                + " the same id, and no mapping to another step).");
    assertThat(reason.chinese()).startsWith("它停在「核对报价」，新版本没有这个步骤");

    MigrationProposal mapped =
        migrations.propose(
            ProbeProcess.KEY,
            versions[0],
            versions[1],
            List.of(new MigrationPlanning.Mapping(ProbeProcess.OLD_STEP, ProbeProcess.NEW_STEP)),
            true,
            "olivia",
            owner());
    assertThat(mapped.refused()).isEmpty();
    assertThat(mapped.movable())
        .extracting(RunningInstance::processInstanceId)
        .containsExactly(waiting);
    assertThat(mapped.movable().get(0).activities())
        .containsExactly(
            new RunningInstance.Step(ProbeProcess.OLD_STEP, "Check the offer", "核对报价"));
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(waiting)
                .singleResult()
                .getProcessDefinitionId())
        .as("the refused run and the dry run left the instance where it was")
        .isEqualTo(versions[0].getId());
  }

  private static List<String> owner() {
    return List.of(Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN);
  }

  private ProcessDefinition latest() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS)
        .latestVersion()
        .singleResult();
  }

  /** Runs the batch's jobs as the job executor would: the seed, the moves, the monitor. */
  private void runBatch(String batchId) {
    for (int round = 0; round < 20; round++) {
      Batch batch =
          engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
      if (batch == null) {
        return;
      }
      for (String definition :
          List.of(
              batch.getSeedJobDefinitionId(),
              batch.getBatchJobDefinitionId(),
              batch.getMonitorJobDefinitionId())) {
        for (Job job :
            engine.getManagementService().createJobQuery().jobDefinitionId(definition).list()) {
          engine.getManagementService().executeJob(job.getId());
        }
      }
    }
    throw new IllegalStateException("batch " + batchId + " does not finish");
  }

  private List<String> onVersion(ProcessDefinition definition) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionId(definition.getId())
        .list()
        .stream()
        .map(instance -> instance.getBusinessKey())
        .toList();
  }

  private static List<String> ids(List<?> instances) {
    return instances.stream()
        .map(
            instance ->
                instance instanceof Placed one
                    ? one.id()
                    : ((RunningInstance) instance).opportunityId())
        .toList();
  }

  private Map<String, String> variables(Placed one) {
    return engine.getRuntimeService().getVariables(one.instance().getId()).entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                entry -> String.valueOf(entry.getValue()),
                (a, b) -> a,
                TreeMap::new));
  }

  /**
   * What the opportunity waits for besides its tasks: its timers by due date (a late step's, a
   * sprint's), and its event subscriptions (rulings, customer feedback) by step.
   */
  private List<String> waits(Placed one) {
    List<String> waits = new ArrayList<>();
    engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(one.instance().getId())
        .timers()
        .list()
        .forEach(timer -> waits.add("timer due " + timer.getDuedate().getTime()));
    engine
        .getRuntimeService()
        .createEventSubscriptionQuery()
        .processInstanceId(one.instance().getId())
        .list()
        .forEach(
            subscription ->
                waits.add(
                    subscription.getEventType()
                        + " "
                        + subscription.getEventName()
                        + " at "
                        + subscription.getActivityId()));
    return waits.stream().sorted().toList();
  }

  private Set<String> activityHistory(Placed one) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(one.instance().getId())
        .list()
        .stream()
        .map(HistoricActivityInstance::getId)
        .collect(Collectors.toSet());
  }

  private org.camunda.bpm.engine.history.HistoricProcessInstance history(Placed one) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(one.instance().getId())
        .singleResult();
  }

  private Object finalOutcome(Placed one) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(one.instance().getId())
        .variableName("finalOutcome")
        .singleResult()
        .getValue();
  }

  /** Every decision the opportunity evaluated, before and after the move, at its pinned version. */
  private void assertEvaluatedPinnedVersions(Placed one, String pinnedJson) {
    var pinned = JsonVariables.object(pinnedJson);
    List<HistoricDecisionInstance> evaluations =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(one.instance().getId())
            .list();
    assertThat(evaluations).isNotEmpty();
    for (HistoricDecisionInstance evaluation : evaluations) {
      int version =
          engine
              .getRepositoryService()
              .getDecisionDefinition(evaluation.getDecisionDefinitionId())
              .getVersion();
      assertThat(version)
          .as("%s of %s", evaluation.getDecisionDefinitionKey(), one.id())
          .isEqualTo(pinned.get(evaluation.getDecisionDefinitionKey()).intValue());
    }
  }

  private HistoricTaskInstance planDelivery(Placed one) {
    List<HistoricTaskInstance> tasks =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(one.instance().getId())
            .taskDefinitionKey(ChangedModel.STEP)
            .list();
    return tasks.isEmpty() ? null : tasks.get(0);
  }
}
