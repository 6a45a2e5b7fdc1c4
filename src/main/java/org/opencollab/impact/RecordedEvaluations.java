package org.opencollab.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.NativeHistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A decision's evaluations as the engine's history recorded them: the value of each input column,
 * the outputs of each matched rule, when, and for which opportunity (the business key of the
 * process instance that evaluated it; none for the evaluations the product makes outside a process,
 * the committee's recusals and the health check's). Read a page at a time, oldest first.
 */
@Component
public class RecordedEvaluations {

  /** One evaluation: its inputs by column id, and what it gave. */
  public record Recorded(
      String id,
      String processInstanceId,
      String opportunityId,
      Instant evaluated,
      Map<String, Object> inputs,
      Outcome outcome) {}

  static final int PAGE = 500;

  private final ProcessEngine engine;
  private final int pageSize;

  @Autowired
  public RecordedEvaluations(ProcessEngine engine) {
    this(engine, PAGE);
  }

  /** Reading {@code pageSize} evaluations at a time (tests use small pages). */
  RecordedEvaluations(ProcessEngine engine, int pageSize) {
    this.engine = engine;
    this.pageSize = pageSize;
  }

  /** The latest deployed version of decision {@code key}, if any. */
  public DecisionDefinition latest(String key) {
    return engine
        .getRepositoryService()
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(key)
        .latestVersion()
        .list()
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** The input columns of the latest deployed version of decision {@code key}. */
  public List<EditedDecision.Column> deployedColumns(DecisionDefinition latest) {
    return EditedDecision.columns(
        engine.getRepositoryService().getDecisionModel(latest.getId()), latest.getKey());
  }

  /**
   * Each evaluation of {@code key} from {@code from} until before {@code until} (null: open), in
   * the order of their time, then id. Pages follow on from the last evaluation read, not by offset:
   * the health check records many evaluations in one millisecond, and an offset into rows of the
   * same time may skip or repeat some of them.
   */
  public void each(String key, Instant from, Instant until, Consumer<Recorded> action) {
    Date afterTime = null;
    String afterId = null;
    while (true) {
      StringBuilder sql =
          new StringBuilder("SELECT RES.* FROM ACT_HI_DECINST RES WHERE RES.DEC_DEF_KEY_ = #{key}");
      if (from != null) {
        sql.append(" AND RES.EVAL_TIME_ >= #{from}");
      }
      if (until != null) {
        sql.append(" AND RES.EVAL_TIME_ < #{until}");
      }
      if (afterTime != null) {
        sql.append(
            " AND (RES.EVAL_TIME_ > #{afterTime}"
                + " OR (RES.EVAL_TIME_ = #{afterTime} AND RES.ID_ > #{afterId}))");
      }
      sql.append(" ORDER BY RES.EVAL_TIME_ ASC, RES.ID_ ASC");
      NativeHistoricDecisionInstanceQuery ids =
          engine
              .getHistoryService()
              .createNativeHistoricDecisionInstanceQuery()
              .sql(sql.toString())
              .parameter("key", key);
      if (from != null) {
        ids.parameter("from", Date.from(from));
      }
      if (until != null) {
        ids.parameter("until", Date.from(until));
      }
      if (afterTime != null) {
        ids.parameter("afterTime", afterTime).parameter("afterId", afterId);
      }
      List<HistoricDecisionInstance> keys = ids.listPage(0, pageSize);
      if (keys.isEmpty()) {
        return;
      }
      Map<String, HistoricDecisionInstance> byId = new HashMap<>();
      engine
          .getHistoryService()
          .createHistoricDecisionInstanceQuery()
          .decisionInstanceIdIn(
              keys.stream().map(HistoricDecisionInstance::getId).toArray(String[]::new))
          .includeInputs()
          .includeOutputs()
          .disableCustomObjectDeserialization()
          .list()
          .forEach(instance -> byId.put(instance.getId(), instance));
      List<HistoricDecisionInstance> page =
          keys.stream().map(key1 -> byId.get(key1.getId())).filter(i -> i != null).toList();
      Map<String, String> opportunities = opportunities(page);
      for (HistoricDecisionInstance instance : page) {
        action.accept(recorded(instance, opportunities.get(instance.getProcessInstanceId())));
      }
      HistoricDecisionInstance last = keys.get(keys.size() - 1);
      afterTime = last.getEvaluationTime();
      afterId = last.getId();
      if (keys.size() < pageSize) {
        return;
      }
    }
  }

  /**
   * The latest evaluation of {@code key} by each of the process instances, the inputs only; by
   * process instance id.
   */
  public Map<String, Recorded> latestOf(String key, Set<String> processInstanceIds) {
    Map<String, Recorded> latest = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return latest;
    }
    // one query per statement: the history answers no list of process instances here
    for (String processInstanceId : processInstanceIds) {
      engine
          .getHistoryService()
          .createHistoricDecisionInstanceQuery()
          .decisionDefinitionKey(key)
          .processInstanceId(processInstanceId)
          .includeInputs()
          .disableCustomObjectDeserialization()
          .orderByEvaluationTime()
          .desc()
          .listPage(0, 1)
          .forEach(instance -> latest.put(processInstanceId, recorded(instance, null)));
    }
    return latest;
  }

  private static Recorded recorded(HistoricDecisionInstance instance, String opportunityId) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : instance.getInputs()) {
      inputs.put(input.getClauseId(), input.getValue());
    }
    return new Recorded(
        instance.getId(),
        instance.getProcessInstanceId(),
        opportunityId,
        instance.getEvaluationTime().toInstant(),
        inputs,
        outcome(instance));
  }

  /** The outputs grouped by the rule that gave them, in the order the rules matched. */
  private static Outcome outcome(HistoricDecisionInstance instance) {
    List<HistoricDecisionOutputInstance> outputs;
    try {
      outputs = instance.getOutputs();
    } catch (RuntimeException notFetched) {
      return Outcome.none();
    }
    if (instance.getCollectResultValue() != null) {
      return new Outcome(List.of(Map.of("result", instance.getCollectResultValue())));
    }
    Map<Integer, Map<String, Object>> byRule = new TreeMap<>();
    for (HistoricDecisionOutputInstance output : outputs) {
      int order = output.getRuleOrder() == null ? 0 : output.getRuleOrder();
      byRule.computeIfAbsent(order, ignored -> new LinkedHashMap<>());
      byRule.get(order).put(output.getVariableName(), output.getValue());
    }
    return new Outcome(new ArrayList<>(byRule.values()));
  }

  private Map<String, String> opportunities(List<HistoricDecisionInstance> page) {
    Set<String> ids = new HashSet<>();
    page.forEach(
        instance -> {
          if (instance.getProcessInstanceId() != null) {
            ids.add(instance.getProcessInstanceId());
          }
        });
    Map<String, String> keys = new HashMap<>();
    if (ids.isEmpty()) {
      return keys;
    }
    HistoryService history = engine.getHistoryService();
    for (HistoricProcessInstance instance :
        history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list()) {
      keys.put(instance.getId(), instance.getBusinessKey());
    }
    return keys;
  }
}
