package org.opencollab.security;

import java.util.Set;

/**
 * The person who calls the product's own API ({@code /api/...}), signed in by {@link ProductAccess}
 * with HTTP Basic or the session of Tasklist or Cockpit: their user id, and the Camunda groups they
 * belong to as the identity service says for this request. A controller names it as a parameter to
 * get it; who may read what is the controller's rule, written with {@link #inAnyOf}.
 */
public record SignedInUser(String id, Set<String> groups) {

  public SignedInUser {
    groups = Set.copyOf(groups);
  }

  /** Whether the user is a member of any of {@code wanted}. */
  public boolean inAnyOf(Set<String> wanted) {
    return groups.stream().anyMatch(wanted::contains);
  }
}
