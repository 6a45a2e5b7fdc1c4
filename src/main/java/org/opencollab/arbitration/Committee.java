package org.opencollab.arbitration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.opencollab.identity.Groups;
import org.opencollab.identity.Membership;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The executive committee (协作会) as the arbitration model reads it: {@code ${committee.members()}}
 * at the moment voting opens. Its chair is whoever is in group {@code committee-chair}; the model
 * gives the chair's tasks to that group.
 */
@Component("committee")
public class Committee {

  private final IdentityService identity;

  public Committee(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  public List<String> members() {
    return Membership.members(identity, Groups.COMMITTEE);
  }

  /** The option that more than half of all {@code committeeSize} members chose, if any. */
  public static Optional<String> majority(Map<String, String> votes, int committeeSize) {
    Map<String, Integer> counts = new TreeMap<>();
    votes.values().forEach(option -> counts.merge(option, 1, Integer::sum));
    return counts.entrySet().stream()
        .filter(count -> count.getValue() * 2 > committeeSize)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
