package org.opencollab.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencollab.identity.Groups;
import org.opencollab.notify.TaskMails.Recipients;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.opportunity.SprintAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A sprint reviewed AT_RISK or FAILED alerts the task force's executive sponsor (when the
 * opportunity has one) and the coordinators by mail (docs/employees.md, "E-mail").
 */
@Component
public class SprintAlerts implements SprintAlert {

  private static final Logger LOG = LoggerFactory.getLogger(SprintAlerts.class);

  private final Outbox outbox;

  public SprintAlerts(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void reviewed(
      DelegateTask review, int sprint, String status, String notes, String sponsor) {
    if (!outbox.enabled() || !List.of("AT_RISK", "FAILED").contains(status)) {
      return;
    }
    try {
      alert(review, sprint, status, notes, sponsor);
    } catch (RuntimeException e) {
      // Mail never breaks the review it reports.
      LOG.warn("no alert for sprint {} of task {}: {}", sprint, review.getId(), e.getMessage());
    }
  }

  private void alert(DelegateTask review, int sprint, String status, String notes, String sponsor) {
    IdentityService identity = review.getProcessEngineServices().getIdentityService();
    Set<String> to = new TreeSet<>(Recipients.groups(identity, Set.of(Groups.COORDINATORS)));
    if (sponsor != null) {
      to.addAll(Recipients.users(identity, Set.of(sponsor)));
    }
    Object opportunityId = review.getVariable(OpportunityVariables.OPPORTUNITY_ID);
    Object customer = review.getVariable(OpportunityVariables.CUSTOMER_NAME);
    String context = (opportunityId + " " + (customer == null ? "" : customer)).trim();
    String subject =
        "Sprint " + sprint + " " + status + " / 冲刺 " + sprint + " " + status + ": " + context;
    List<String> lines = new ArrayList<>();
    lines.add(
        "The delivery manager reviewed sprint "
            + sprint
            + " of "
            + context
            + " as "
            + status
            + ".");
    lines.add("交付经理将 " + context + " 的第 " + sprint + " 个冲刺评为 " + status + "。");
    lines.add("");
    lines.add("  Notes / 说明: " + (notes == null || notes.isBlank() ? "-" : notes));
    lines.add("  Reviewed by / 评审人: " + review.getAssignee());
    lines.add(
        "  The opportunity's story / 商机全程: "
            + outbox.settings().baseUrl().replaceAll("/+$", "")
            + "/opportunities/"
            + opportunityId);
    lines.add("");
    lines.add("Opportunity collaboration / 商机协作");
    outbox.queue(
        "sprint:" + review.getId(),
        new Mail(List.copyOf(to), subject, String.join("\n", lines) + "\n"));
  }
}
