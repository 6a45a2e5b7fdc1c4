package org.opencollab.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.spin.json.SpinJsonNode;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.health.HealthCheckVariables;
import org.opencollab.identity.Department;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.rest.FieldLabels;

/**
 * What a reader of the product's pages must never meet, gathered from what the engine holds, not
 * written by hand: the names of the process variables (every variable in history, the keys inside
 * its JSON values, the constants of the {@code *Variables} classes, the forms' fields, the
 * decisions' inputs and outputs), the codes they take (upper-case values of variables, the
 * decisions' literal outputs, the codes compared in the models' conditions, the departments), and
 * the ids of the processes and of every element in their models.
 *
 * <p>Only tokens that cannot be an ordinary word are kept: one with a lower-case letter before an
 * upper-case one ({@code kpiCredit}, {@code QualifyOpportunity}), with an underscore ({@code
 * Phase_Delivery}, {@code AT_RISK}), or all capitals of three letters or more ({@code SALES}). A
 * variable named like a word ({@code priority}, {@code title}) is a word on a page too.
 */
public final class ReaderTokens {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,}");
  private static final Pattern QUOTED_CODE = Pattern.compile("['\"]([A-Z][A-Z0-9_]{2,})['\"]");

  private final SortedSet<String> tokens = new TreeSet<>();

  private ReaderTokens() {}

  /** The tokens of everything {@code engine} has deployed and recorded so far. */
  public static ReaderTokens of(ProcessEngine engine) {
    ReaderTokens reader = new ReaderTokens();
    reader.variables(engine);
    reader.models(engine);
    reader.decisions(engine);
    for (Class<?> names :
        List.of(
            OpportunityVariables.class, ArbitrationVariables.class, HealthCheckVariables.class)) {
      reader.constants(names);
    }
    FieldLabels.all().keySet().forEach(reader::add);
    for (Department department : Department.values()) {
      reader.add(department.name());
    }
    return reader;
  }

  public SortedSet<String> all() {
    return tokens;
  }

  /** The tokens that {@code text} shows as whole words, each with the words around it. */
  public List<String> in(String text) {
    List<String> found = new ArrayList<>();
    for (String token : tokens) {
      Matcher shown =
          Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(token) + "(?![A-Za-z0-9_])")
              .matcher(text);
      if (shown.find()) {
        String around =
            text.substring(
                    Math.max(0, shown.start() - 40), Math.min(text.length(), shown.end() + 40))
                .replaceAll("\\s+", " ");
        found.add(token + " in «" + around + "»");
      }
    }
    return found;
  }

  private void add(String token) {
    if (token == null) {
      return;
    }
    String trimmed = token.trim();
    if (trimmed.matches("[A-Za-z][A-Za-z0-9_]*")
        && (trimmed.matches(".*[a-z][A-Z].*")
            || trimmed.contains("_")
            || CODE.matcher(trimmed).matches())) {
      tokens.add(trimmed);
    }
  }

  private void variables(ProcessEngine engine) {
    List<HistoricVariableInstance> variables =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .disableBinaryFetching()
            .list();
    for (HistoricVariableInstance variable : variables) {
      add(variable.getName());
      value(variable.getValue());
    }
  }

  private void value(Object value) {
    if (value instanceof String text && CODE.matcher(text).matches()) {
      add(text);
    } else if (value instanceof SpinJsonNode json) {
      json(json);
    } else if (value instanceof Collection<?> items) {
      items.forEach(this::value);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            add(String.valueOf(key));
            value(item);
          });
    }
  }

  private void json(SpinJsonNode node) {
    if (node.isObject()) {
      for (String field : node.fieldNames()) {
        add(field);
        json(node.prop(field));
      }
    } else if (node.isArray()) {
      for (Iterator<SpinJsonNode> items = node.elements().iterator(); items.hasNext(); ) {
        json(items.next());
      }
    } else if (node.isString() && CODE.matcher(node.stringValue()).matches()) {
      add(node.stringValue());
    }
  }

  private void models(ProcessEngine engine) {
    for (ProcessDefinition definition :
        engine.getRepositoryService().createProcessDefinitionQuery().list()) {
      add(definition.getKey());
      BpmnModelInstance model =
          engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        add(element.getId());
      }
      for (ConditionExpression condition :
          model.getModelElementsByType(ConditionExpression.class)) {
        quotedCodes(condition.getTextContent());
      }
    }
  }

  private void decisions(ProcessEngine engine) {
    for (DecisionDefinition definition :
        engine.getRepositoryService().createDecisionDefinitionQuery().list()) {
      add(definition.getKey());
      DmnModelInstance model =
          engine.getRepositoryService().getDmnModelInstance(definition.getId());
      for (Output output : model.getModelElementsByType(Output.class)) {
        add(output.getName());
      }
      for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
        Text text = input.getText();
        if (text != null) {
          add(text.getTextContent());
        }
      }
      for (LiteralExpression literal : model.getModelElementsByType(LiteralExpression.class)) {
        if (literal.getText() != null) {
          quotedCodes(literal.getText().getTextContent());
        }
      }
      for (OutputEntry entry : model.getModelElementsByType(OutputEntry.class)) {
        if (entry.getText() != null) {
          quotedCodes(entry.getText().getTextContent());
        }
      }
    }
  }

  private void quotedCodes(String expression) {
    if (expression == null) {
      return;
    }
    Matcher code = QUOTED_CODE.matcher(expression);
    while (code.find()) {
      add(code.group(1));
    }
  }

  private void constants(Class<?> names) {
    for (Field field : names.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
