package org.opencollab.identity;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up under {@code prod} while group {@code committee-chair} has no member: a
 * committee vote without a majority then waits at {@code ChairRuling} for nobody. {@code prod}
 * seeds no users, so an administrator adds the chair in Admin (docs/operators.md).
 */
@Component
@Profile("prod")
public class CommitteeChairCheck {

  private static final Logger LOG = LoggerFactory.getLogger(CommitteeChairCheck.class);

  private final IdentityService identity;

  public CommitteeChairCheck(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warnWithoutChair() {
    if (!hasChair()) {
      LOG.warn(
          "Group {} has no member: committee rulings without a majority will wait for a chair. "
              + "Add the chair to group {} (and to {}) in Admin.",
          Groups.COMMITTEE_CHAIR,
          Groups.COMMITTEE_CHAIR,
          Groups.COMMITTEE);
    }
  }

  boolean hasChair() {
    return !Membership.members(identity, Groups.COMMITTEE_CHAIR).isEmpty();
  }
}
