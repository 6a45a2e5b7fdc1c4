package org.opencollab.opportunity;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who hears of a reviewed sprint ({@link SprintReviews}): the mail to the sponsor and the
 * coordinators when it is AT_RISK or FAILED ({@code org.opencollab.notify.SprintAlerts}). An
 * interface here, so that the opportunity does not depend on how people are told.
 */
public interface SprintAlert {

  /**
   * @param review the completing {@code ReviewSprint} task
   * @param sponsor the opportunity's executive sponsor, or null
   */
  void reviewed(DelegateTask review, int sprint, String status, String notes, String sponsor);
}
