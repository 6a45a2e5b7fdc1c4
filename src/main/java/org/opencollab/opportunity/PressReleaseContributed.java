package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT;
import static org.opencollab.opportunity.OpportunityVariables.PRESS_RELEASE_CONTRIBUTION;
import static org.opencollab.opportunity.OpportunityVariables.PRESS_RELEASE_CONTRIBUTIONS;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.identity.Department;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * The press release written together (共同撰写): marketing drafts it ({@code DraftPressRelease}), then
 * tech and sales each add their part in parallel ({@code CompletePressRelease}, one task per
 * department of {@code ${pressReleaseContributed.departments()}}). The complete listener gathers
 * each part into {@code pressReleaseContributions}, {@code {"TECH": "...", "SALES": "..."}}.
 */
@Component("pressReleaseContributed")
public class PressReleaseContributed implements TaskListener {

  /**
   * The departments that complete marketing's draft: tech for the product, sales for the customer.
   */
  public List<String> departments() {
    return List.of(Department.TECH.name(), Department.SALES.name());
  }

  @Override
  public void notify(DelegateTask task) {
    String part = VariableReader.of(task::getVariable).requiredString(PRESS_RELEASE_CONTRIBUTION);
    JsonVariables.update(
        task.getExecution().getProcessInstance(),
        PRESS_RELEASE_CONTRIBUTIONS,
        contributions -> contributions.put((String) task.getVariable(DEPARTMENT), part));
  }
}
