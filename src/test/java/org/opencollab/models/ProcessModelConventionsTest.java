package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencollab.arbitration.ArbitrationRules;
import org.opencollab.opportunity.OpportunityRules;
import org.opencollab.rules.ProcessRules;

/** What process owners and employees rely on in the two core processes of {@code processes/}. */
class ProcessModelConventionsTest {

  /**
   * The service tasks that commit with the step before them, so have no save point of their own:
   * the ledger entry is written in the transaction that approves or computes its statement
   * (docs/auditors.md, "The ledger"); a late step is reminded in the transaction of its timer, so
   * that its follow-up's boundary event exists before the late task can complete
   * (docs/process-owners.md, "Late steps").
   */
  static final Set<String> COMMIT_WITH_THE_STEP_BEFORE =
      Set.of("RecordIncentivesInLedger", "RecordLossInLedger", "RemindLateStep");

  private static final Pattern MODELER_DEFAULT_ID =
      Pattern.compile("(Activity|Task|Event|Gateway|Flow|UserTask)_[0-9a-z]{7}|.*_\\d+");
  private static final Map<String, ProcessRules> RULES =
      Map.of(
          "opportunityToDelivery",
          new OpportunityRules(),
          "collaborationArbitration",
          new ArbitrationRules());

  /**
   * User tasks whose lateness the model handles otherwise (docs/process-owners.md, "Late steps"):
   * the design's own follow-up, the reminders of the sprint review and the vote, the mediation's
   * deadline, the follow-ups themselves and the health check's tasks, which are the coordinators'
   * own.
   */
  private static final Set<String> WITHOUT_LATE_STEP_FOLLOW_UP =
      Set.of(
          "DesignSolution",
          "ReviewSprint",
          "MediateDispute",
          "ArbitrationVote",
          "FollowUpOverdueWork",
          "FollowUpLateStep",
          "ReviewHealthReport",
          "FollowUpHealthWarning");

  /**
   * Every user task of the three processes has a due date from DMN {@code serviceLevels}, and,
   * unless the model handles its lateness otherwise, the timeout listener that opens a follow-up
   * and the complete listener that closes it.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"opportunityToDelivery", "collaborationArbitration", "collaborationHealthCheck"})
  void everyUserTaskHasAServiceLevelAndALateStepFollowUp(String key) {
    for (UserTask task : read(key).getModelElementsByType(UserTask.class)) {
      String due = task.getCamundaDueDate();
      assertThat(due).as("due date of %s", task.getId()).isNotBlank();
      assertThat(due.contains("${sla.") || due.equals("${mediationDeadline}"))
          .as("due date of %s from serviceLevels: %s", task.getId(), due)
          .isTrue();
      List<String> lateListeners =
          task.getExtensionElements() == null
              ? List.of()
              : task
                  .getExtensionElements()
                  .getElementsQuery()
                  .filterByType(
                      org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
                  .list()
                  .stream()
                  .filter(
                      listener -> "${lateSteps}".equals(listener.getCamundaDelegateExpression()))
                  .map(listener -> listener.getCamundaEvent())
                  .sorted()
                  .toList();
      assertThat(lateListeners)
          .as("late-step listeners of %s", task.getId())
          .isEqualTo(
              WITHOUT_LATE_STEP_FOLLOW_UP.contains(task.getId())
                  ? List.of()
                  : List.of("complete", "timeout"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opportunityToDelivery", "collaborationArbitration"})
  void everyUserTaskHasAServerRuleAndAFormAndEveryStartEventAForm(String key) {
    BpmnModelInstance model = read(key);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(RULES.get(key).taskRules())
          .as("rule for %s", task.getId())
          .containsKey(task.getId());
      assertThat(formOf(task.getCamundaFormKey(), task.getCamundaFormRef()))
          .as("form of %s", task.getId())
          .isTrue();
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean message = !start.getEventDefinitions().isEmpty();
      if (start.getParentElement() instanceof SubProcess) {
        continue; // a phase or sub-process starts when its activity does, without a form
      }
      assertThat(message || formOf(start.getCamundaFormKey(), start.getCamundaFormRef()))
          .as("form of %s", start.getId())
          .isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opportunityToDelivery", "collaborationArbitration"})
  void serviceTasksAreAsynchronousWithRetries(String key) {
    for (ServiceTask task : read(key).getModelElementsByType(ServiceTask.class)) {
      if (COMMIT_WITH_THE_STEP_BEFORE.contains(task.getId())) {
        assertThat(task.isCamundaAsyncBefore())
            .as("%s commits with the step before", task.getId())
            .isFalse();
        continue;
      }
      assertThat(task.isCamundaAsyncBefore()).as("%s async", task.getId()).isTrue();
      assertThat(
              task.getExtensionElements()
                  .getElementsQuery()
                  .filterByType(CamundaFailedJobRetryTimeCycle.class)
                  .count())
          .as("%s retry cycle", task.getId())
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opportunityToDelivery", "collaborationArbitration"})
  void idsAreSemanticGatewaysHaveOneDefaultAndEveryNodeSitsInALane(String key) {
    BpmnModelInstance model = read(key);
    Process process = model.getModelElementById(key);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
    assertThat(process.getCamundaVersionTag()).isNotBlank();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).as("id").doesNotMatch(MODELER_DEFAULT_ID);
      List<Lane> lanes = lanesOf(planeOf(node));
      if (!(node instanceof BoundaryEvent) && !lanes.isEmpty()) {
        assertThat(lanes)
            .as("lane of %s", node.getId())
            .anyMatch(lane -> lane.getFlowNodeRefs().contains(node));
      }
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() > 1) {
        assertThat(gateway.getDefault()).as("default flow of %s", gateway.getId()).isNotNull();
        gateway
            .getOutgoing()
            .forEach(
                flow -> assertThat(flow.getName()).as("name of %s", flow.getId()).isNotBlank());
      }
    }
  }

  /**
   * Every named step, phase and process has its Chinese name as the extension property {@code
   * name-zh} (docs/process-owners.md), which Tasklist's task names and the story page show.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"opportunityToDelivery", "collaborationArbitration", "collaborationHealthCheck"})
  void everyNamedStepPhaseAndProcessHasAChineseName(String key) {
    BpmnModelInstance model = read(key);
    List<BaseElement> named = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    named.addAll(model.getModelElementsByType(Process.class));
    for (BaseElement element : named) {
      String name = element.getAttributeValue("name");
      if (name == null || name.isBlank()) {
        continue;
      }
      assertThat(ChineseNames.of(element)).as("name-zh of %s", element.getId()).isNotBlank();
    }
  }

  /**
   * The element whose diagram shows the node: the process, or the collapsed sub-process (a phase)
   * that holds it, also when it sits in an expanded sub-process inside that phase.
   */
  private static ModelElementInstance planeOf(FlowNode node) {
    ModelElementInstance parent = node.getParentElement();
    while (parent instanceof SubProcess sub
        && (sub.triggeredByEvent() || !(sub.getParentElement() instanceof Process))) {
      parent = parent.getParentElement();
    }
    return parent;
  }

  /** The lanes drawn in a process's or a phase's diagram (a phase carries its own lane set). */
  private static List<Lane> lanesOf(ModelElementInstance plane) {
    return plane.getChildElementsByType(LaneSet.class).stream()
        .flatMap(set -> set.getLanes().stream())
        .toList();
  }

  /**
   * A Camunda Form with that id in {@code processes/forms/}, or an embedded form file that exists.
   */
  private static boolean formOf(String formKey, String formRef) {
    if (formRef != null) {
      return formIds().contains(formRef);
    }
    return formKey != null
        && formKey.startsWith("embedded:deployment:")
        && Files.exists(Path.of(formKey.substring("embedded:deployment:".length())));
  }

  private static List<String> formIds() {
    try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
      ObjectMapper json = new ObjectMapper();
      return forms
          .filter(path -> path.toString().endsWith(".form"))
          .map(
              path -> {
                try {
                  return json.readTree(path.toFile()).path("id").asText();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance read(String key) {
    return Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
  }
}
