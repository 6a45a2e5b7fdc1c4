package org.opencollab.impact;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.DmnScriptEngineResolver;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * An edited decision table, parsed by a DMN engine of its own and never deployed. It replays an
 * evaluation from the inputs the engine recorded: each input column of the edited table takes the
 * value recorded for the deployed column of the same id (or, failing that, of the same expression),
 * so a column whose expression computes a figure (the health check's) replays the figure as it was,
 * not the expression.
 *
 * <p>A DMN engine of its own, not the process engine's: that one writes history and metrics for
 * what it evaluates, and a preview must leave no trace. Its FEEL is Camunda's default, full FEEL,
 * as the process engine's.
 *
 * <p>FEEL only: the file comes from outside, and JUEL or a script language (JavaScript, Groovy) can
 * call Java on the server. A file that names any other expression language is refused before it is
 * parsed, and the engine itself has no JUEL and no script engine, should a check ever miss one.
 */
public final class EditedDecision {

  /** An input column: its id, its label, and the expression whose value the engine records. */
  public record Column(String id, String label, String expression) {}

  /** An output column: the name of its value, and its label. */
  public record OutputColumn(String name, String label) {}

  private static final DmnEngine DMN = feelOnlyEngine();
  private static final String EXPRESSION_LANGUAGE = "expressionLanguage";
  private static final Set<String> FEEL =
      Stream.of(
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15)
          .map(language -> language.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String RECORDED = "impactRecordedInput";
  private static final Set<HitPolicy> SINGLE =
      Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY, HitPolicy.PRIORITY);

  private final String name;
  private final boolean singleResult;
  private final List<Column> inputs;
  private final List<String> recordedIds;
  private final List<OutputColumn> outputs;
  private final DmnDecision replay;

  private EditedDecision(
      String name,
      boolean singleResult,
      List<Column> inputs,
      List<String> recordedIds,
      List<OutputColumn> outputs,
      DmnDecision replay) {
    this.name = name;
    this.singleResult = singleResult;
    this.inputs = inputs;
    this.recordedIds = recordedIds;
    this.outputs = outputs;
    this.replay = replay;
  }

  /** The input columns of decision {@code key} in a DMN file (the deployed one, say). */
  public static List<Column> columns(InputStream file, String key) {
    return columns(table(key, Dmn.readModelFromStream(file)));
  }

  /**
   * Parses {@code file} as decision {@code key}, to replay against the {@code deployed} input
   * columns.
   *
   * @throws InvalidDecisionFile when it is no DMN, does not parse, lacks the decision or a table,
   *     or has an input column the engine records no value for
   */
  public static EditedDecision parse(String key, byte[] file, List<Column> deployed) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(file));
    } catch (RuntimeException e) {
      throw new InvalidDecisionFile(
          "is not a DMN file (" + Reasons.of(e) + ")", "不是 DMN 文件（" + Reasons.of(e) + "）");
    }
    refuseOtherLanguages(model.getDocument().getRootElement());
    if (!(model.getModelElementById(key) instanceof Decision)) {
      throw new InvalidDecisionFile(
          "has no decision with the id " + key + "; the edited file must keep the decision's id",
          "没有 id 为 " + key + " 的决策；编辑后的文件必须保留决策的 id");
    }
    try {
      DMN.parseDecision(key, model);
    } catch (RuntimeException e) {
      throw new InvalidDecisionFile(
          "does not parse as a decision (" + Reasons.of(e) + ")", "无法解析为决策（" + Reasons.of(e) + "）");
    }
    DecisionTable table = table(key, model);
    if (table == null) {
      throw new InvalidDecisionFile(
          "decision " + key + " is not a decision table", "决策 " + key + " 不是决策表");
    }
    List<Column> edited = columns(table);
    List<String> recordedIds = new ArrayList<>();
    for (Column column : edited) {
      recordedIds.add(
          deployedMatch(column, deployed)
              .orElseThrow(
                  () ->
                      new InvalidDecisionFile(
                          "input column \""
                              + column.label()
                              + "\" ("
                              + column.id()
                              + ") is not one the deployed "
                              + key
                              + " has, so no evaluation in history recorded a value for it",
                          "输入列“"
                              + column.label()
                              + "”（"
                              + column.id()
                              + "）不是已部署的 "
                              + key
                              + " 的输入列，历史中的评估没有记录它的值")));
    }
    int index = 0;
    for (Input input : table.getInputs()) {
      InputExpression expression = input.getInputExpression();
      if (expression == null || expression.getText() == null) {
        throw new InvalidDecisionFile(
            "input column \""
                + input.getLabel()
                + "\" ("
                + input.getId()
                + ") has no expression: give its inputExpression a text",
            "输入列“"
                + input.getLabel()
                + "”（"
                + input.getId()
                + "）没有表达式：请为其 inputExpression 填写 text");
      }
      expression.getText().setTextContent(RECORDED + index++);
      expression.setExpressionLanguage("feel");
    }
    List<OutputColumn> outputs =
        table.getOutputs().stream()
            .map(output -> new OutputColumn(output.getName(), output.getLabel()))
            .toList();
    Decision decision = model.getModelElementById(key);
    return new EditedDecision(
        decision.getName(),
        SINGLE.contains(table.getHitPolicy()) || table.getAggregation() != null,
        edited,
        List.copyOf(recordedIds),
        outputs,
        DMN.parseDecision(key, model));
  }

  public String name() {
    return name;
  }

  /** Whether the table gives one result per evaluation (or none). */
  public boolean singleResult() {
    return singleResult;
  }

  public List<Column> inputs() {
    return inputs;
  }

  public List<OutputColumn> outputs() {
    return outputs;
  }

  /**
   * Whether an evaluation recorded a value (perhaps none, {@code null}) for every column of the
   * edited table: one of an older version may lack a column.
   */
  public boolean replays(Map<String, Object> recorded) {
    return recorded.keySet().containsAll(recordedIds);
  }

  /**
   * The recorded inputs by the id of the edited table's column they feed (the page and the answer
   * show the edited table's columns), in the order of its columns.
   */
  public Map<String, Object> byEditedColumn(Map<String, Object> recorded) {
    Map<String, Object> inputsByColumn = new java.util.LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      inputsByColumn.put(inputs.get(i).id(), recorded.get(recordedIds.get(i)));
    }
    return inputsByColumn;
  }

  /**
   * The outcome of the edited table for the inputs recorded by column id.
   *
   * @throws RuntimeException the engine's, when the table cannot evaluate them
   */
  public Outcome evaluate(Map<String, Object> recorded) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Object value = recorded.get(recordedIds.get(i));
      variables.put(RECORDED + i, value);
      // outputs and rules may name an input's variable itself
      String expression = inputs.get(i).expression();
      if (expression != null && NAME.matcher(expression.trim()).matches()) {
        variables.put(expression.trim(), value);
      }
    }
    DmnDecisionResult result = DMN.evaluateDecision(replay, Variables.fromMap(variables));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (DmnDecisionResultEntries entry : result) {
      entries.add(entry.getEntryMap());
    }
    return new Outcome(entries);
  }

  /**
   * Refuses an element, or one inside it, that names an expression language other than FEEL: the
   * definitions' default, an input expression, an input or output entry, a literal expression.
   */
  private static void refuseOtherLanguages(DomElement element) {
    String language = element.getAttribute(EXPRESSION_LANGUAGE);
    if (language != null && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
      String where =
          element.getLocalName()
              + (element.getAttribute("id") == null ? "" : " " + element.getAttribute("id"));
      throw new InvalidDecisionFile(
          "sets the expression language \""
              + language
              + "\" on "
              + where
              + "; the preview evaluates FEEL only, since other languages can run code on the"
              + " server",
          where + " 设置了表达式语言“" + language + "”；预览只计算 FEEL 表达式，因为其他语言可以在服务器上执行代码");
    }
    for (DomElement child : element.getChildElements()) {
      refuseOtherLanguages(child);
    }
  }

  /**
   * A DMN engine that evaluates FEEL and nothing else: JUEL and scripts fail before they run, and
   * every expression without a language of its own is FEEL.
   */
  private static DmnEngine feelOnlyEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    ElProvider noJuel =
        expression -> {
          throw new IllegalStateException("the preview evaluates FEEL only, not JUEL");
        };
    DmnScriptEngineResolver noScripts =
        language -> {
          throw new IllegalStateException("the preview evaluates FEEL only, not " + language);
        };
    configuration.setElProvider(noJuel);
    configuration.setScriptEngineResolver(noScripts);
    String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
    configuration.setDefaultInputExpressionExpressionLanguage(feel);
    configuration.setDefaultInputEntryExpressionLanguage(feel);
    configuration.setDefaultOutputEntryExpressionLanguage(feel);
    configuration.setDefaultLiteralExpressionLanguage(feel);
    return configuration.buildEngine();
  }

  /** The preview's DMN engine, for tests of what it refuses to run. */
  static DmnEngine engine() {
    return DMN;
  }

  private static Optional<String> deployedMatch(Column column, List<Column> deployed) {
    Optional<Column> byId =
        deployed.stream().filter(candidate -> candidate.id().equals(column.id())).findFirst();
    Optional<Column> found =
        byId.isPresent()
            ? byId
            : deployed.stream()
                .filter(
                    candidate ->
                        candidate.expression() != null
                            && candidate.expression().trim().equals(trimmed(column.expression())))
                .findFirst();
    return found.map(Column::id);
  }

  private static String trimmed(String text) {
    return text == null ? null : text.trim();
  }

  private static DecisionTable table(String key, DmnModelInstance model) {
    return model.getModelElementById(key) instanceof Decision decision
            && decision.getExpression() instanceof DecisionTable table
        ? table
        : null;
  }

  private static List<Column> columns(DecisionTable table) {
    if (table == null) {
      return List.of();
    }
    return table.getInputs().stream()
        .map(
            input ->
                new Column(
                    input.getId(),
                    input.getLabel(),
                    input.getInputExpression() == null
                            || input.getInputExpression().getText() == null
                        ? null
                        : input.getInputExpression().getText().getTextContent()))
        .toList();
  }
}
