package org.opencollab.incentive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollab.identity.Department;
import org.opencollab.opportunity.TeamMember;
import org.opencollab.variables.InvalidVariableException;

/**
 * The 360-degree score of every member (360度评估) and the departments each member supported
 * (主动支持其他部门), as docs/money.md states them:
 *
 * <ul>
 *   <li>score = (peerWeight·peer score + sponsorWeight·sponsor's rating + coordinatorWeight·
 *       coordinator's rating) / (the sum of the weights used); a rater who gave the member no
 *       rating is left out with its weight, so the weights used always add up to 1 once divided;
 *   <li>a member supported another department when the peers of that department rated the member,
 *       on average, at or above {@code supportThreshold}.
 * </ul>
 *
 * Everything is kept as exact fractions; only the statement rounds, for reading.
 */
public final class TeamScores {

  /** What a member's ratings come to. */
  public record MemberScore(
      TeamMember member,
      PeerScore peer,
      Integer sponsorRating,
      Integer coordinatorRating,
      Score score,
      SortedSet<String> supportedDepartments) {}

  private TeamScores() {}

  /**
   * Checks the team (at least two members, each once, in a known department), the ratings against
   * it and the policy; names the variable that breaks a rule.
   */
  public static void validate(
      List<TeamMember> members, TeamRatings ratings, IncentivePolicy policy) {
    policy.validate();
    Set<String> userIds = new HashSet<>();
    for (TeamMember member : members) {
      if (member.userId() == null || member.userId().isBlank()) {
        throw new InvalidVariableException(
            "teamMembers", "every member needs a userId", "每位成员都需要 userId");
      }
      if (!userIds.add(member.userId())) {
        throw new InvalidVariableException(
            "teamMembers",
            "member " + member.userId() + " is listed twice",
            "成员 " + member.userId() + " 被列出了两次");
      }
      if (!Department.isCode(member.department())) {
        throw new InvalidVariableException(
            "teamMembers",
            "member " + member.userId() + " has unknown department " + member.department(),
            "成员 " + member.userId() + " 的部门 " + member.department() + " 不存在");
      }
    }
    if (userIds.size() < 2) {
      throw new InvalidVariableException("teamMembers", "needs at least two members", "至少需要两名成员");
    }
    ratings.validate(userIds);
  }

  /** Every member's score, by user id. The ratings must be valid for the team. */
  public static SortedMap<String, MemberScore> of(
      List<TeamMember> members, TeamRatings ratings, IncentivePolicy policy) {
    Map<String, String> departmentOf = new HashMap<>();
    members.forEach(member -> departmentOf.put(member.userId(), member.department()));
    SortedMap<String, List<Integer>> received = new TreeMap<>();
    members.forEach(member -> received.put(member.userId(), new ArrayList<>()));
    ratings
        .peer()
        .forEach((rater, given) -> given.forEach((ratee, score) -> received.get(ratee).add(score)));

    SortedMap<String, MemberScore> scores = new TreeMap<>();
    for (TeamMember member : members) {
      PeerScore peer = PeerScore.of(received.get(member.userId()));
      Integer sponsor = TeamRatings.leadRating(ratings.sponsor(), member.userId());
      Integer coordinator = TeamRatings.leadRating(ratings.coordinator(), member.userId());
      scores.put(
          member.userId(),
          new MemberScore(
              member,
              peer,
              sponsor,
              coordinator,
              combined(peer, sponsor, coordinator, policy),
              supported(member, ratings, departmentOf, policy.supportThreshold())));
    }
    return scores;
  }

  /**
   * The weights actually used for a member, renormalised to add up to 1: the policy's weights of
   * the raters present, each divided by their sum. Exact fractions {@code [numerator, denominator]}
   * in the order peer, sponsor, coordinator; a missing rater's weight is 0.
   */
  public static List<BigInteger[]> usedWeights(
      IncentivePolicy policy, boolean sponsorRated, boolean coordinatorRated) {
    BigInteger[] weights = scaled(policy);
    BigInteger peer = weights[0];
    BigInteger sponsor = sponsorRated ? weights[1] : BigInteger.ZERO;
    BigInteger coordinator = coordinatorRated ? weights[2] : BigInteger.ZERO;
    BigInteger sum = peer.add(sponsor).add(coordinator);
    return List.of(
        new BigInteger[] {peer, sum},
        new BigInteger[] {sponsor, sum},
        new BigInteger[] {coordinator, sum});
  }

  private static Score combined(
      PeerScore peer, Integer sponsor, Integer coordinator, IncentivePolicy policy) {
    List<BigInteger[]> used = usedWeights(policy, sponsor != null, coordinator != null);
    BigInteger count = BigInteger.valueOf(peer.scoredCount());
    // Over the common denominator sum·count: peer sum/count weighs in as its sum, a lead's rating
    // as rating·count.
    BigInteger numerator =
        used.get(0)[0]
            .multiply(BigInteger.valueOf(peer.scoredSum()))
            .add(used.get(1)[0].multiply(BigInteger.valueOf(valueOf(sponsor))).multiply(count))
            .add(used.get(2)[0].multiply(BigInteger.valueOf(valueOf(coordinator))).multiply(count));
    return reduced(numerator, used.get(0)[1].multiply(count));
  }

  private static int valueOf(Integer rating) {
    return rating == null ? 0 : rating;
  }

  /** The policy's three weights as integers over one power of ten. */
  private static BigInteger[] scaled(IncentivePolicy policy) {
    BigDecimal[] weights = {
      policy.peerWeight(), policy.sponsorWeight(), policy.coordinatorWeight()
    };
    int scale = 0;
    for (BigDecimal weight : weights) {
      scale = Math.max(scale, weight.stripTrailingZeros().scale());
    }
    BigInteger[] scaled = new BigInteger[3];
    for (int i = 0; i < 3; i++) {
      scaled[i] = weights[i].setScale(scale).unscaledValue();
    }
    return scaled;
  }

  private static Score reduced(BigInteger numerator, BigInteger denominator) {
    BigInteger gcd = numerator.gcd(denominator);
    if (gcd.signum() == 0) {
      return new Score(numerator, denominator);
    }
    return new Score(numerator.divide(gcd), denominator.divide(gcd));
  }

  /**
   * The other departments whose peers rated {@code member}, on average, at or above the threshold:
   * the support the member gave them (主动支持其他部门).
   */
  private static SortedSet<String> supported(
      TeamMember member,
      TeamRatings ratings,
      Map<String, String> departmentOf,
      BigDecimal threshold) {
    SortedSet<String> supported = new TreeSet<>();
    if (threshold == null) {
      return supported;
    }
    SortedMap<String, long[]> byDepartment = new TreeMap<>();
    ratings
        .peer()
        .forEach(
            (rater, given) -> {
              String department = departmentOf.get(rater);
              Integer score = given.get(member.userId());
              if (score != null && !department.equals(member.department())) {
                long[] sumAndCount = byDepartment.computeIfAbsent(department, d -> new long[2]);
                sumAndCount[0] += score;
                sumAndCount[1]++;
              }
            });
    byDepartment.forEach(
        (department, sumAndCount) -> {
          if (BigDecimal.valueOf(sumAndCount[0])
                  .compareTo(threshold.multiply(BigDecimal.valueOf(sumAndCount[1])))
              >= 0) {
            supported.add(department);
          }
        });
    return supported;
  }
}
