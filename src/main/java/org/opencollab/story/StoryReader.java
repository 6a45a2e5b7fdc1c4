package org.opencollab.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.opencollab.confidential.Confidential;
import org.opencollab.confidential.SealedAnswers;

/**
 * Who reads a story (docs/auditors.md, "Who reads what"): whether they read confidential values
 * (decided votes, approved ratings), and how the story names their view ({@code everything}, {@code
 * without confidential values} for a coordinator, {@code team member}).
 */
public record StoryReader(String userId, boolean confidential, String readAs) {

  /**
   * What only {@link Confidential#mayRead oversight} reads, once decided: the committee's gathered
   * votes and the gathered peer ratings and comments. The answers themselves are sealed outside the
   * history ({@link SealedAnswers}); older histories may still hold them, and their giver alone
   * reads them there.
   */
  static final Set<String> GATHERED = Set.of("votes", "peerRatings", "peerComments");

  static final Set<String> PERSONAL = Set.of("vote", "voteRationale", "ratings", "comments");

  /**
   * Where the gathered values also travel: each ruling of an older history carries the committee's
   * votes, each member of the incentive statement the ratings received.
   */
  static final Set<String> REDACTED =
      Set.of("votes", "peerRatings", "peerComments", "ratingsReceived");

  /** Whether this reader reads {@code variable}, given by {@code givenBy} (or null). */
  boolean sees(String variable, String givenBy) {
    return confidential
        || !GATHERED.contains(variable) && (!PERSONAL.contains(variable) || userId.equals(givenBy));
  }

  /** Removes, at any depth, the fields a reader without confidential access does not read. */
  static void redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(REDACTED);
    }
    node.forEach(StoryReader::redact);
  }
}
