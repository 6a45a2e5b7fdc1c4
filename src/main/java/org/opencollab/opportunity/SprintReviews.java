package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.EXECUTIVE_SPONSOR;
import static org.opencollab.opportunity.OpportunityVariables.LOOP_COUNTER;
import static org.opencollab.opportunity.OpportunityVariables.SPRINT_NOTES;
import static org.opencollab.opportunity.OpportunityVariables.SPRINT_REVIEWS;
import static org.opencollab.opportunity.OpportunityVariables.SPRINT_STATUS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencollab.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * {@code ReviewSprint} complete listener ({@code ${sprintReviewed.record(task)}}; the bean is not
 * named after the variable, which an expression would find first): keeps every sprint's review in
 * {@code sprintReviews}, {@code [{"sprint": 1, "status": "ON_TRACK", "notes": "..."}]}, so the
 * account manager sees them all when accepting the delivery. The sprints are reviewed one after the
 * other, so no two reviews write at once. A sprint AT_RISK or FAILED alerts the sponsor and the
 * coordinators ({@link SprintAlert}).
 */
@Component("sprintReviewed")
public class SprintReviews {

  private final SprintAlert alerts;

  public SprintReviews(SprintAlert alerts) {
    this.alerts = alerts;
  }

  public void record(DelegateTask task) {
    DelegateExecution opportunity = task.getExecution().getProcessInstance();
    ArrayNode reviews = JsonVariables.array(opportunity.getVariable(SPRINT_REVIEWS));
    ObjectNode review = reviews.addObject();
    review.put("sprint", ((Number) task.getVariable(LOOP_COUNTER)).intValue() + 1);
    review.put("status", (String) task.getVariable(SPRINT_STATUS));
    Object notes = task.getVariable(SPRINT_NOTES);
    review.put("notes", notes == null ? "" : notes.toString());
    opportunity.setVariable(SPRINT_REVIEWS, JsonVariables.value(reviews));
    alerts.reviewed(
        task,
        review.get("sprint").asInt(),
        review.get("status").asText(),
        review.get("notes").asText(),
        (String) opportunity.getVariable(EXECUTIVE_SPONSOR));
  }
}
