package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opencollab.identity.Groups;

/** The person who sends a command, as the engine's identity service knows them. */
public record Caller(String userId, List<String> groupIds) {

  /** The caller of {@code authentication}; null when nobody is authenticated. */
  public static Caller of(Authentication authentication) {
    if (authentication == null) {
      return null;
    }
    List<String> groups = authentication.getGroupIds();
    return new Caller(authentication.getUserId(), groups == null ? List.of() : groups);
  }

  /** Process owners and administrators repair data and may skip the model's steps. */
  public boolean isProcessOwner() {
    return groupIds.contains(Groups.PROCESS_OWNERS) || groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean isAuditor() {
    return groupIds.contains(Groups.AUDITORS);
  }
}
