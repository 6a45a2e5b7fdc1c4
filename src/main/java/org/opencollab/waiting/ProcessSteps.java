package org.opencollab.waiting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.opencollab.models.ChineseNames;
import org.springframework.stereotype.Component;

/**
 * The steps (user tasks) and phases (the sub-processes {@code Phase_*}) of a process, as its
 * deployed models name them in English and Chinese ({@link ChineseNames}).
 */
@Component
public class ProcessSteps {

  static final String PHASE_PREFIX = "Phase_";

  /** A user task of the model; {@code phaseId} the phase it lies in, or null. */
  public record Step(String activityId, String name, String nameZh, String phaseId) {}

  /** A phase of the model. */
  public record Phase(String phaseId, String name, String nameZh) {}

  /** The process's name, and the steps and phases of one or more versions of it. */
  public record Model(String name, String nameZh, List<Step> steps, List<Phase> phases) {}

  private final RepositoryService repository;
  private final ChineseNames chinese;

  public ProcessSteps(RepositoryService repository, ChineseNames chinese) {
    this.repository = repository;
    this.chinese = chinese;
  }

  /**
   * The steps and phases of the first definition in model order, then those of the others that the
   * first does not have (an older version's step that history still holds).
   */
  public Model of(List<String> definitionIds) {
    Map<String, Step> steps = new LinkedHashMap<>();
    Map<String, Phase> phases = new LinkedHashMap<>();
    String name = null;
    String nameZh = null;
    for (String definitionId : definitionIds) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
      Map<String, String> zh = chinese.of(definitionId, repository::getBpmnModelInstance).chinese();
      if (name == null) {
        String key = repository.getProcessDefinition(definitionId).getKey();
        name = model.getModelElementById(key).getAttributeValue("name");
        nameZh = zh.get(key);
      }
      for (SubProcess phase : model.getModelElementsByType(SubProcess.class)) {
        if (phase.getId().startsWith(PHASE_PREFIX)) {
          phases.putIfAbsent(
              phase.getId(), new Phase(phase.getId(), phase.getName(), zh.get(phase.getId())));
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        steps.putIfAbsent(
            task.getId(),
            new Step(task.getId(), task.getName(), zh.get(task.getId()), phaseOf(task)));
      }
    }
    return new Model(
        name, nameZh, new ArrayList<>(steps.values()), new ArrayList<>(phases.values()));
  }

  /** The phase around {@code element}, however deep in it (a sub-process within a phase). */
  static String phaseOf(ModelElementInstance element) {
    for (ModelElementInstance parent = element.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof SubProcess phase && phase.getId().startsWith(PHASE_PREFIX)) {
        return phase.getId();
      }
    }
    return null;
  }
}
