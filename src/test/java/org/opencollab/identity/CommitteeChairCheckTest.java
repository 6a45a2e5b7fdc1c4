package org.opencollab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The start-up check of {@code prod} (run here directly, as the demo profile has a chair): it warns
 * while group {@code committee-chair} has no member, and only then.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class CommitteeChairCheckTest {

  private static final String WARNING = "Group committee-chair has no member";

  @Autowired IdentityService identity;

  @Test
  void warnsOnlyWhileTheCommitteeHasNoChair(CapturedOutput output) {
    CommitteeChairCheck check = new CommitteeChairCheck(identity);

    check.warnWithoutChair();
    assertThat(output.getOut()).doesNotContain(WARNING);

    identity.deleteMembership("frank", Groups.COMMITTEE_CHAIR);
    try {
      check.warnWithoutChair();
      assertThat(output.getOut()).contains(WARNING).contains("in Admin");
    } finally {
      identity.createMembership("frank", Groups.COMMITTEE_CHAIR);
    }
  }
}
