package org.opencollab.incentive;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * Every rating a team received (360度评估), each kind as {@code {rater: {ratee: score 1–5}}}: from its
 * peers, from the opportunity's executive sponsor (at most one rater) and from a coordinator (at
 * most one rater). Peers rate every other member; the sponsor and the coordinator rate every member
 * but themselves.
 */
public record TeamRatings(
    SortedMap<String, SortedMap<String, Integer>> peer,
    SortedMap<String, SortedMap<String, Integer>> sponsor,
    SortedMap<String, SortedMap<String, Integer>> coordinator) {

  public static final String PEER_RATINGS = "peerRatings";
  public static final String SPONSOR_RATINGS = "sponsorRatings";
  public static final String COORDINATOR_RATINGS = "coordinatorRatings";

  static final int MIN_RATING = 1;
  static final int MAX_RATING = 5;

  /** Peer ratings only: an opportunity without a sponsor's or a coordinator's rating. */
  public static TeamRatings peerOnly(SortedMap<String, SortedMap<String, Integer>> peer) {
    return new TeamRatings(peer, new TreeMap<>(), new TreeMap<>());
  }

  /** The one rating {@code ratee} received from the sponsor or the coordinator, if any. */
  static Integer leadRating(SortedMap<String, SortedMap<String, Integer>> lead, String ratee) {
    return lead.isEmpty() ? null : lead.get(lead.firstKey()).get(ratee);
  }

  /** Checks every rule above against the team's user ids; names the variable that breaks one. */
  void validate(Set<String> userIds) {
    Set<String> rated = new TreeSet<>();
    peer.forEach(
        (rater, ratings) -> {
          if (!userIds.contains(rater)) {
            throw new InvalidVariableException(
                PEER_RATINGS, rater + " is not a team member", rater + " 不是团队成员");
          }
          checkRatesEveryoneBut(PEER_RATINGS, rater, ratings, userIds);
          rated.addAll(ratings.keySet());
        });
    for (String userId : new TreeSet<>(userIds)) {
      if (!rated.contains(userId)) {
        throw new InvalidVariableException(
            PEER_RATINGS, userId + " received no rating", userId + " 没有收到任何评分");
      }
    }
    checkLead(SPONSOR_RATINGS, sponsor, userIds);
    checkLead(COORDINATOR_RATINGS, coordinator, userIds);
  }

  private static void checkLead(
      String variable, SortedMap<String, SortedMap<String, Integer>> lead, Set<String> userIds) {
    if (lead.size() > 1) {
      throw new InvalidVariableException(
          variable, new Rule("has at most one rater", "最多只能有一位评分人").got(lead.keySet()));
    }
    lead.forEach((rater, ratings) -> checkRatesEveryoneBut(variable, rater, ratings, userIds));
  }

  private static void checkRatesEveryoneBut(
      String variable, String rater, SortedMap<String, Integer> ratings, Set<String> userIds) {
    Set<String> others = new TreeSet<>(userIds);
    others.remove(rater);
    if (!others.equals(ratings.keySet())) {
      throw new InvalidVariableException(
          variable,
          rater
              + " must rate every other team member "
              + others
              + " exactly once, rated "
              + ratings.keySet(),
          rater + " 必须为其他每位团队成员 " + others + " 各评分一次，实际评了 " + ratings.keySet());
    }
    ratings.forEach(
        (ratee, score) -> {
          if (score == null || score < MIN_RATING || score > MAX_RATING) {
            throw new InvalidVariableException(
                variable,
                new Rule(
                        rater + "'s rating of " + ratee + " must be an integer from 1 to 5",
                        rater + " 对 " + ratee + " 的评分必须是 1 到 5 的整数")
                    .got(score));
          }
        });
  }
}
