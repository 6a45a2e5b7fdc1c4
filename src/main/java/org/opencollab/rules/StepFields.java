package org.opencollab.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.opencollab.rules.ProcessRules.Step;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;
import org.opencollab.variables.VariableReader;

/**
 * Each step writes only its own fields (docs/process-variables.md): a start or a task completion
 * may carry the fields of that step's form and nothing else. A read-only field that Tasklist sends
 * back with its form is accepted when it is unchanged, and then dropped, so it is not written
 * again; changed, or any other variable, is refused with the variable's name, before anything is
 * written.
 */
public final class StepFields {

  private StepFields() {}

  /**
   * Checks the variables of a starting instance, as its start listener sees them: exactly what the
   * door (start, start form, message) carried, plus the engine's initiator variable. An instance
   * started by a call activity is started by the process itself and carries what the model maps in.
   */
  public static void checkStart(ExecutionEntity start, Step step) {
    if (start.getSuperExecution() != null) {
      return;
    }
    Object initiator =
        start.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
    for (String name : new TreeSet<>(start.getVariableNamesLocal())) {
      boolean engineSetInitiator =
          name.equals(initiator)
              && Objects.equals(
                  start.getVariableLocal(name),
                  Context.getCommandContext().getAuthenticatedUserId());
      if (!step.fields().contains(name) && !engineSetInitiator) {
        String process = start.getProcessDefinition().getKey();
        throw refused(name, new Rule("the start of " + process, "流程 " + process + " 启动时"), step);
      }
    }
    for (String name : new TreeSet<>(step.fields())) {
      checkLimits(name, start.getVariableTyped(name, false));
    }
  }

  /**
   * The limits every field has, whatever its step: checked before the step's own rules, so a breach
   * is named even when the rules would first complain about another field.
   */
  static void checkLimits(String name, Object value) {
    if (value instanceof TypedValue typed) {
      if (typed.isTransient()) {
        throw new InvalidVariableException(
            name,
            "must be stored: a transient value would pass the rules and vanish",
            "必须保存：临时（transient）值会通过规则检查后消失");
      }
      if (typed.getType() != null
          && "json".equals(typed.getType().getName())
          && typed instanceof SerializableValue json) {
        if (json.getValueSerialized() != null) {
          VariableReader.parseJson(name, json.getValueSerialized());
        }
        return;
      }
      if (typed instanceof SerializableValue
          || typed instanceof FileValue
          || typed instanceof BytesValue) {
        throw new InvalidVariableException(
            name,
            "must be a text, a number, true or false, or Json; got a "
                + typed.getType().getName()
                + " value",
            "必须是文本、数字、true 或 false、或 Json；实际为 " + typed.getType().getName() + " 类型的值");
      }
      value = typed.getValue();
    }
    if (value instanceof byte[] || value instanceof java.io.InputStream) {
      throw new InvalidVariableException(
          name, "must be a text, a number, true or false, or Json", "必须是文本、数字、true 或 false、或 Json");
    }
    if (value instanceof String text && text.length() > VariableReader.MAX_TEXT) {
      throw new InvalidVariableException(
          name, Rule.atMostCharacters(VariableReader.MAX_TEXT).got(text.length()));
    }
    BigDecimal number = value instanceof Number ? number(value) : null;
    if (number != null && number.abs().compareTo(VariableReader.MAX_AMOUNT) > 0) {
      throw new InvalidVariableException(name, Rule.atMost(VariableReader.MAX_AMOUNT));
    }
  }

  /** Checks and trims, in place, the variables a completion of {@code task} carries. */
  public static void checkCompletion(TaskEntity task, Step step, Map<String, Object> payload) {
    if (payload == null) {
      return;
    }
    for (String name : new ArrayList<>(new TreeSet<>(payload.keySet()))) {
      if (step.fields().contains(name)) {
        checkLimits(
            name,
            payload instanceof VariableMap variables
                ? variables.getValueTyped(name)
                : payload.get(name));
        continue;
      }
      if (step.shown().contains(name) && unchanged(payload.get(name), task.getVariable(name))) {
        try {
          payload.remove(name);
        } catch (UnsupportedOperationException immutable) {
          // a Java caller's fixed map: the unchanged value is written again, which changes nothing
        }
        continue;
      }
      throw refused(
          name,
          new Rule(
              "task " + task.getTaskDefinitionKey(), "任务 " + task.getTaskDefinitionKey() + " "),
          step);
    }
  }

  private static InvalidVariableException refused(String name, Rule where, Step step) {
    String fields = String.join(", ", new TreeSet<>(step.fields()));
    Rule rule =
        step.shown().contains(name)
            ? new Rule(
                "is shown by the form of " + where.english() + " and cannot be changed there",
                "由" + where.chinese() + "的表单展示，不能在那里修改")
            : new Rule(
                "is not a field of "
                    + where.english()
                    + "; a person writes only the fields of its form: "
                    + fields,
                "不是" + where.chinese() + "的字段；只能填写其表单的字段：" + fields);
    return new InvalidVariableException(name, rule);
  }

  /** Tasklist sends a shown value back as the form holds it: a number may come back as text. */
  static boolean unchanged(Object sent, Object current) {
    Object value;
    try {
      value = sent instanceof TypedValue typed ? typed.getValue() : sent;
    } catch (RuntimeException unreadable) {
      return false;
    }
    if (isEmpty(value) || isEmpty(current)) {
      return isEmpty(value) && isEmpty(current);
    }
    BigDecimal sentNumber = number(value);
    BigDecimal currentNumber = number(current);
    if (sentNumber != null && currentNumber != null) {
      return sentNumber.compareTo(currentNumber) == 0;
    }
    return value.toString().equals(current.toString());
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isEmpty();
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double real = ((Number) value).doubleValue();
      return Double.isFinite(real)
          ? BigDecimal.valueOf(real)
          : BigDecimal.valueOf(Double.MAX_VALUE);
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
