package org.opencollab.decisions;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Evaluates the deployed decisions through the engine's {@link DecisionService}, as the processes
 * do, and reads from the engine's history which rule matched.
 */
@ApplicationTest
abstract class DecisionTableTest {

  record Evaluation(Map<String, Object> outputs, String matchedRule) {}

  @Autowired private DecisionService decisionService;
  @Autowired private HistoryService historyService;

  /** Every result of a decision that collects them, in rule order. */
  List<Map<String, Object>> evaluateAll(String decisionKey, Map<String, Object> inputs) {
    return decisionService.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate().stream()
        .map(DmnDecisionResultEntries::getEntryMap)
        .toList();
  }

  /**
   * @return the single result, or an evaluation without outputs when no rule matched
   */
  Evaluation evaluate(String decisionKey, Map<String, Object> inputs) {
    // Other tests leave history stamped at other times (an hour ahead, say): the evaluation read
    // back is the one between these two readings of the engine's clock.
    Date before = ClockUtil.getCurrentTime();
    DmnDecisionResultEntries result =
        decisionService
            .evaluateDecisionByKey(decisionKey)
            .variables(inputs)
            .evaluate()
            .getSingleResult();
    if (result == null) {
      return new Evaluation(null, null);
    }
    HistoricDecisionInstance instance =
        historyService
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(decisionKey)
            .evaluatedAfter(new Date(before.getTime() - 1))
            .evaluatedBefore(new Date(ClockUtil.getCurrentTime().getTime() + 1))
            .includeOutputs()
            .orderByEvaluationTime()
            .desc()
            .listPage(0, 1)
            .get(0);
    List<String> rules =
        instance.getOutputs().stream()
            .map(HistoricDecisionOutputInstance::getRuleId)
            .distinct()
            .toList();
    if (rules.size() != 1) {
      throw new AssertionError("expected one matched rule, got " + rules);
    }
    return new Evaluation(result.getEntryMap(), rules.get(0));
  }
}
