package org.opencollab.arbitration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.opencollab.identity.Groups;
import org.opencollab.identity.Membership;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The executive committee (协作会) as the arbitration model reads it: {@code ${committee.members()}}
 * at the moment voting opens, and {@code ${committee.chair}}, who rules when no option holds a majority.
 */
@Component("committee")
public class Committee {

  private final IdentityService identity;
  private final Properties properties;

  public Committee(@Lazy IdentityService identity, Properties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  public List<String> members() {
    return Membership.members(identity, Groups.COMMITTEE);
  }

  public String getChair() {
    return properties.chair();
  }

  /** The option that more than half of all {@code committeeSize} members chose, if any. */
  public static Optional<String> majority(Map<String, String> votes, int committeeSize) {
    Map<String, Integer> counts = new TreeMap<>();
    votes.values().forEach(option -> counts.merge(option, 1, Integer::sum));
    return counts.entrySet().stream().filter(count -> count.getValue() * 2 > committeeSize)
        .map(Map.Entry::getKey).findFirst();
  }

  @ConfigurationProperties("collab.committee")
  public record Properties(@DefaultValue("frank") String chair) {
  }
}
