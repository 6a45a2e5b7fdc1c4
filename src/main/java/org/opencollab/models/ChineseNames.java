package org.opencollab.models;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The Chinese names the process models give their steps, phases and processes: the extension
 * property {@code name-zh} beside the English {@code name} (docs/process-owners.md). Tasklist's
 * task names and the story page read them; a deployed definition never changes, so what is read of
 * it is kept per definition id.
 */
@Component
public class ChineseNames {

  public static final String PROPERTY = "name-zh";
  public static final String SEPARATOR = " / ";

  /** Per process definition id: what its model names, in Chinese and in both languages. */
  private final Map<String, Names> byDefinition = new ConcurrentHashMap<>();

  /**
   * The names of one model, by element id: what the waiting times, the migrations and the story
   * name a step by.
   *
   * @param chinese the {@code name-zh} of each element that has one
   * @param bilingual each named element's name in both languages ({@link #bilingual})
   * @param english each named element's {@code name}, trimmed
   */
  public record Names(
      Map<String, String> chinese, Map<String, String> bilingual, Map<String, String> english) {}

  /** The element's {@code name-zh}, or null when it has none. */
  public static String of(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    for (CamundaProperties properties :
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        String value = property.getCamundaValue();
        if (PROPERTY.equals(property.getCamundaName()) && value != null && !value.isBlank()) {
          return value.trim();
        }
      }
    }
    return null;
  }

  /**
   * "English / 中文": the name with its Chinese name after it, or the name alone when it has no
   * Chinese name or already carries it (many events are named in both languages).
   */
  public static String bilingual(String name, String chinese) {
    if (name == null || chinese == null || chinese.isBlank() || name.contains(chinese)) {
      return name;
    }
    return name + SEPARATOR + chinese;
  }

  /** The names of every named element of the model: flow nodes, phases, the process. */
  public static Names read(BpmnModelInstance model) {
    Map<String, String> chinese = new HashMap<>();
    Map<String, String> bilingual = new HashMap<>();
    Map<String, String> english = new HashMap<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String name = element.getAttributeValue("name");
      if (element.getId() == null || name == null || name.isBlank()) {
        continue;
      }
      String zh = of(element);
      if (zh != null) {
        chinese.put(element.getId(), zh);
      }
      bilingual.put(element.getId(), bilingual(name, zh));
      english.put(element.getId(), name.trim());
    }
    return new Names(Map.copyOf(chinese), Map.copyOf(bilingual), Map.copyOf(english));
  }

  /**
   * The names of a deployed process definition, read from its model (by {@code models}, given the
   * definition id) the first time they are asked for.
   */
  public Names of(String processDefinitionId, Function<String, BpmnModelInstance> models) {
    return byDefinition.computeIfAbsent(processDefinitionId, id -> read(models.apply(id)));
  }
}
