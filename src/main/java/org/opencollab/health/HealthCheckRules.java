package org.opencollab.health;

import static org.opencollab.health.HealthCheckVariables.*;
import static org.opencollab.rules.ProcessRules.Step.writes;
import static org.opencollab.rules.ProcessRules.rule;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencollab.rules.ProcessRules;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * The rules of {@code collaborationHealthCheck} (docs/process-variables.md): a start by hand may
 * give the period in days, 7 to 730, 90 when left empty (the weekly timer always uses 90); the
 * review writes its notes and shows the report; the follow-up of a warning writes the action taken
 * and a note, and shows the warning.
 */
@Component
public class HealthCheckRules implements ProcessRules {

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public Step startStep() {
    return writes(PERIOD_DAYS);
  }

  @Override
  public void checkStart(DelegateExecution start) {
    VariableReader variables = VariableReader.of(start::getVariable);
    if (variables.isPresent(PERIOD_DAYS)) {
      start.setVariable(
          PERIOD_DAYS, variables.integer(PERIOD_DAYS, MIN_PERIOD_DAYS, MAX_PERIOD_DAYS));
    } else {
      start.setVariable(PERIOD_DAYS, DEFAULT_PERIOD_DAYS);
    }
  }

  @Override
  public Map<String, TaskRule> taskRules() {
    return Map.ofEntries(
        rule(
            "ReviewHealthReport",
            writes(REVIEW_NOTES).shows(List.of(PERIOD_DAYS)),
            (variables, task) -> variables.optionalString(REVIEW_NOTES)),
        rule(
            "FollowUpHealthWarning",
            writes(WARNING_ACTION, WARNING_NOTE)
                .shows(List.of(WARNING_NAME, SUBJECT_NAME, EVIDENCE_TEXT)),
            (variables, task) -> {
              variables.oneOf(WARNING_ACTION, WARNING_ACTIONS);
              variables.requiredString(WARNING_NOTE);
            }));
  }
}
