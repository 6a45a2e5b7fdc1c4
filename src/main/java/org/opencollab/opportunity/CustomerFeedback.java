package org.opencollab.opportunity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.rules.ProcessRules.Step;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * The customer's voice (客户反馈→产品改进, docs/process-owners.md, "Customer feedback"): <i>Review
 * sprint</i> and <i>Accept delivery</i> may record what the customer said ({@code
 * customerFeedback}). Their complete listener {@code ${feedbackToTech}} sends each recorded item as
 * message {@code CustomerFeedback} to the opportunity, whose event sub-process <i>Customer
 * feedback</i> asks tech to answer it ({@code AnswerCustomerFeedback}); the item, where it came
 * from, who recorded it and the answer live in that sub-process's own scope and stay in history.
 */
@Component("feedbackToTech")
public class CustomerFeedback implements TaskListener {

  /** The message the recording steps send; nobody outside the process may send it. */
  public static final String MESSAGE = "CustomerFeedback";

  public static final String TASK = "AnswerCustomerFeedback";

  /** What the customer said, recorded at a sprint review or the acceptance. */
  public static final String CUSTOMER_FEEDBACK = "customerFeedback";

  /** Where and by whom it was recorded: "Review sprint / 评审冲刺", "Carol Zhao (carol)". */
  public static final String FEEDBACK_FROM = "feedbackFrom";

  public static final String FEEDBACK_BY = "feedbackBy";

  /** What tech decides about it, and the answer. */
  public static final String FEEDBACK_DECISION = "feedbackDecision";

  public static final String FEEDBACK_ANSWER = "feedbackAnswer";

  /**
   * Goes into product improvement; solved within this delivery; not planned (the answer says why).
   */
  public static final List<String> DECISIONS =
      List.of("IMPROVE_PRODUCT", "SOLVED_IN_DELIVERY", "NOT_PLANNED");

  @Override
  public void notify(DelegateTask task) {
    Object feedback = task.getVariable(CUSTOMER_FEEDBACK);
    if (!(feedback instanceof String text) || text.isBlank()) {
      return;
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put(CUSTOMER_FEEDBACK, text.strip());
    item.put(FEEDBACK_FROM, LateSteps.name(task));
    // Who completes the task records the item: the signed-in person, else (the Java API) its
    // assignee.
    var identity = task.getProcessEngineServices().getIdentityService();
    String recordedBy =
        identity.getCurrentAuthentication() != null
            ? identity.getCurrentAuthentication().getUserId()
            : task.getAssignee();
    item.put(FEEDBACK_BY, recordedBy == null ? null : LateSteps.person(identity, recordedBy));
    // The answer's fields start empty in the item's own scope, so the answer stays there too.
    item.put(FEEDBACK_DECISION, null);
    item.put(FEEDBACK_ANSWER, null);
    task.getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(MESSAGE)
        .processInstanceId(task.getProcessInstanceId())
        .setVariablesToTriggeredScope(item)
        .correlateWithResult();
  }

  /** The step {@code AnswerCustomerFeedback}: the decision and the answer, below the item. */
  public static Step answer(List<String> keyFacts) {
    return Step.writes(FEEDBACK_DECISION, FEEDBACK_ANSWER)
        .shows(keyFacts, CUSTOMER_FEEDBACK, FEEDBACK_FROM, FEEDBACK_BY);
  }

  /** What a completed answer must hold: one of {@link #DECISIONS} and the answer. */
  public static void checkAnswer(VariableReader variables) {
    variables.oneOf(FEEDBACK_DECISION, DECISIONS);
    variables.requiredString(FEEDBACK_ANSWER);
  }
}
