package org.opencollab.decisions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;

/** Evaluates a deployed decision through the engine and tells which rule matched, from the engine's history. */
final class DecisionTester {

  record Evaluation(Map<String, Object> outputs, String matchedRule) {
  }

  private final DecisionService decisionService;
  private final HistoryService historyService;

  DecisionTester(DecisionService decisionService, HistoryService historyService) {
    this.decisionService = decisionService;
    this.historyService = historyService;
  }

  /** @return the single result; fails the test when no rule or several rules matched */
  Evaluation evaluate(String decisionKey, Map<String, Object> inputs) {
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(decisionKey)
        .variables(inputs).evaluate().getSingleResult();
    if (result == null) {
      return new Evaluation(null, null);
    }
    HistoricDecisionInstance instance = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decisionKey).includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).get(0);
    List<String> rules = instance.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
        .distinct().toList();
    if (rules.size() != 1) {
      throw new AssertionError("expected one matched rule, got " + rules);
    }
    return new Evaluation(result.getEntryMap(), rules.get(0));
  }
}
