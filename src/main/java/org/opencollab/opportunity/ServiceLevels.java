package org.opencollab.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.opencollab.engine.WithoutAuthorization;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * How fast each step must go, by priority: DMN {@code serviceLevels}, owned by process owners
 * (docs/process-owners.md). The opportunity decides its service levels once, when triage has set
 * its priority: the business rule task {@code DetermineServiceLevels} (<i>Determine service
 * levels</i>) evaluates the decision version it pinned at its start and keeps the result in {@code
 * serviceLevels} ({@code ${sla.kept(serviceLevelsDecision)}}); a dispute takes its opportunity's.
 * The models read them as {@code ${sla.techResponse(execution)}}, {@code
 * ${sla.taskPriority(execution)}} and so on: due dates, reminder timers and every task's priority;
 * {@code ${sla.within(execution, 'signOff')}} reads any step's column.
 */
@Component("sla")
public class ServiceLevels {

  public static final String DECISION = DecisionVersions.SERVICE_LEVELS;
  public static final String VARIABLE = "serviceLevels";

  private final DecisionVersions decisions;

  public ServiceLevels(DecisionVersions decisions) {
    this.decisions = decisions;
  }

  /**
   * The service levels that business rule task {@code DetermineServiceLevels} decided, as the
   * {@code serviceLevels} Json every expression below reads.
   *
   * @param decided the decision's single result, output name to value; null when no rule matched
   */
  public TypedValue kept(Map<String, Object> decided) {
    if (decided == null) {
      throw new ProcessEngineException("serviceLevels: no rule for the opportunity's priority");
    }
    ObjectNode levels = JsonVariables.object(null);
    decided.forEach(levels::putPOJO);
    return JsonVariables.value(levels);
  }

  /**
   * {@code ${sla.decide(execution)}}: the listener on the flow leaving <i>Triage opportunity</i> in
   * model versions before the business rule task {@code DetermineServiceLevels}. Evaluates DMN
   * {@code serviceLevels} for the opportunity's priority and keeps the result.
   */
  public void decide(DelegateExecution execution) {
    execution
        .getProcessInstance()
        .setVariable(
            VARIABLE,
            JsonVariables.value(evaluate(execution, decisions.pinned(execution, DECISION))));
  }

  /**
   * The service levels for {@code priority} by the latest decision version: a dispute whose
   * opportunity decided none.
   */
  public static ObjectNode forPriority(DelegateExecution execution, Object priority) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("priority", priority);
    return evaluate(execution, inputs, null);
  }

  /**
   * {@code ${sla.techResponse}}, {@code ${sla.sprintLength}} and {@code ${sla.committeeVote}}: what
   * model versions deployed before DMN {@code serviceLevels} read. Their running instances keep
   * working, at the pace of the table's row for no priority.
   */
  public String getTechResponse() {
    return standard("techResponse");
  }

  public String getSprintLength() {
    return standard("sprintLength");
  }

  public String getCommitteeVote() {
    return standard("committeeVote");
  }

  private static String standard(String level) {
    ObjectNode levels = forPriority(null, null);
    return levels.path(level).asText();
  }

  /**
   * {@code ${sla.within(execution, 'signOff')}}: how long a step may take, the column {@code step}
   * of DMN {@code serviceLevels}, as an ISO-8601 duration. Every user task's due date and the timer
   * of its follow-up read it (docs/process-owners.md, "Service levels").
   */
  public String within(VariableScope scope, String step) {
    return text(scope, step);
  }

  /** How long tech may take to design a solution before a coordinator follows up. */
  public String techResponse(VariableScope scope) {
    return text(scope, "techResponse");
  }

  /** How long the committee may take to vote before it is reminded. */
  public String committeeVote(VariableScope scope) {
    return text(scope, "committeeVote");
  }

  /** The mediation deadline when DMN {@code arbitrationRouting} gives none. */
  public String mediation(VariableScope scope) {
    return text(scope, "mediation");
  }

  /** A sprint's length plus the grace for its review: when a review falls due, and how often. */
  public String sprintReview(VariableScope scope) {
    try {
      DatatypeFactory durations = DatatypeFactory.newInstance();
      return durations
          .newDuration(text(scope, "sprintLength"))
          .add(durations.newDuration(text(scope, "sprintReviewGrace")))
          .toString();
    } catch (DatatypeConfigurationException | IllegalArgumentException e) {
      throw new ProcessEngineException("serviceLevels: sprintLength and sprintReviewGrace", e);
    }
  }

  /** When the sprint review that starts now falls due. */
  public Date sprintReviewDue(VariableScope scope) {
    try {
      Date due = new Date(ClockUtil.getCurrentTime().getTime());
      DatatypeFactory.newInstance().newDuration(sprintReview(scope)).addTo(due);
      return due;
    } catch (DatatypeConfigurationException e) {
      throw new ProcessEngineException("serviceLevels: sprint review", e);
    }
  }

  /** The Camunda priority of every task of the opportunity: priority A work sorts first. */
  public int taskPriority(VariableScope scope) {
    JsonNode priority = levels(scope).get("taskPriority");
    return priority == null || !priority.canConvertToInt() ? 50 : priority.intValue();
  }

  private String text(VariableScope scope, String level) {
    JsonNode value = levels(scope).get(level);
    if (value == null) {
      // Kept by an opportunity that started before this column existed: the latest table's value.
      value =
          forPriority(execution(scope), execution(scope).getVariable(OpportunityVariables.PRIORITY))
              .get(level);
    }
    if (value == null || !value.isTextual()) {
      throw new ProcessEngineException("serviceLevels: no " + level + " in " + levels(scope));
    }
    return value.asText();
  }

  /** The kept service levels; decided on the spot for an instance that kept none. */
  private ObjectNode levels(VariableScope scope) {
    Object kept = scope.getVariable(VARIABLE);
    if (kept != null) {
      return JsonVariables.object(kept);
    }
    DelegateExecution execution = execution(scope);
    return forPriority(execution, execution.getVariable(OpportunityVariables.PRIORITY));
  }

  private static DelegateExecution execution(VariableScope scope) {
    return scope instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) scope;
  }

  private ObjectNode evaluate(DelegateExecution execution, Integer version) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("priority", execution.getVariable(OpportunityVariables.PRIORITY));
    return evaluate(execution, inputs, version);
  }

  private static ObjectNode evaluate(
      DelegateExecution execution, Map<String, Object> inputs, Integer version) {
    DmnDecisionResultEntries result =
        WithoutAuthorization.query(
            () -> {
              var decisions =
                  execution != null
                      ? execution.getProcessEngineServices().getDecisionService()
                      : Context.getProcessEngineConfiguration().getDecisionService();
              var evaluation = decisions.evaluateDecisionByKey(DECISION).variables(inputs);
              if (version != null) {
                evaluation.version(version);
              }
              return evaluation.evaluate().getSingleResult();
            });
    if (result == null) {
      throw new ProcessEngineException(
          "serviceLevels: no rule for priority " + inputs.get("priority"));
    }
    ObjectNode levels = JsonVariables.object(null);
    result.getEntryMap().forEach((name, value) -> levels.putPOJO(name, value));
    return JsonVariables.object(JsonVariables.write(levels));
  }
}
