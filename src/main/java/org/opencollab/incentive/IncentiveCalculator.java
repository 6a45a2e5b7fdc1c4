package org.opencollab.incentive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollab.identity.Department;
import org.opencollab.incentive.IncentiveStatement.DepartmentLine;
import org.opencollab.incentive.IncentiveStatement.MemberLine;
import org.opencollab.money.Allocation;
import org.opencollab.money.Money;
import org.opencollab.opportunity.DepartmentShares;
import org.opencollab.opportunity.TeamMember;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * Computes the incentive statement of docs/money.md from the seed's incentive rules: revenue is
 * credited to each department's KPI by its agreed share (收益按比例计入各方考核), members whom their peers
 * rate below the threshold get no bonus (搭便车), and the best-rated members become collaboration
 * stars with promotion points (协作之星).
 */
public final class IncentiveCalculator {

  static final int MIN_RATING = 1;
  static final int MAX_RATING = 5;

  public IncentiveStatement calculate(IncentiveInput input) {
    validate(input);
    IncentivePolicy policy = input.policy();
    BigDecimal revenue = Money.cny(input.realizedRevenue());
    BigDecimal bonusPool = Money.roundToCent(revenue.multiply(policy.poolRate()));

    SortedMap<String, BigInteger> shareWeights = new TreeMap<>();
    input
        .departmentShares()
        .forEach((department, share) -> shareWeights.put(department, BigInteger.valueOf(share)));
    SortedMap<String, BigDecimal> pools = Allocation.allocate(bonusPool, shareWeights);
    SortedMap<String, BigDecimal> kpiCredits = Allocation.allocate(revenue, shareWeights);

    SortedMap<String, PeerScore> scores = peerScores(input);
    Set<String> freeRiders = new HashSet<>();
    scores.forEach(
        (userId, score) -> {
          if (score.isBelow(policy.freeRiderThreshold())) {
            freeRiders.add(userId);
          }
        });

    SortedMap<String, BigDecimal> bonuses = new TreeMap<>();
    BigDecimal unallocated = Money.ZERO;
    for (Map.Entry<String, BigDecimal> pool : pools.entrySet()) {
      SortedMap<String, PeerScore> earners = new TreeMap<>();
      for (TeamMember member : input.teamMembers()) {
        if (member.department().equals(pool.getKey()) && !freeRiders.contains(member.userId())) {
          earners.put(member.userId(), scores.get(member.userId()));
        }
      }
      if (earners.isEmpty()) {
        unallocated = unallocated.add(pool.getValue());
      } else {
        bonuses.putAll(Allocation.allocate(pool.getValue(), byScore(earners)));
      }
    }

    Optional<PeerScore> best =
        scores.entrySet().stream()
            .filter(entry -> !freeRiders.contains(entry.getKey()))
            .map(Map.Entry::getValue)
            .max(PeerScore::compareTo)
            .filter(score -> !score.isBelow(policy.starThreshold()));

    List<DepartmentLine> departments = new ArrayList<>();
    input
        .departmentShares()
        .forEach(
            (department, share) ->
                departments.add(
                    new DepartmentLine(
                        department, share, kpiCredits.get(department), pools.get(department))));

    List<MemberLine> members = new ArrayList<>();
    for (TeamMember member : sortedByUserId(input.teamMembers())) {
      PeerScore score = scores.get(member.userId());
      boolean freeRider = freeRiders.contains(member.userId());
      boolean star = !freeRider && best.isPresent() && score.compareTo(best.get()) == 0;
      members.add(
          new MemberLine(
              member.userId(),
              member.department(),
              score.shown(),
              score.ratingsReceived(),
              freeRider,
              bonuses.getOrDefault(member.userId(), Money.ZERO),
              star,
              star ? policy.starPromotionPoints() : 0));
    }
    return new IncentiveStatement(
        input.opportunityId(),
        revenue,
        policy.poolRate(),
        bonusPool,
        unallocated,
        List.copyOf(departments),
        List.copyOf(members));
  }

  private static SortedMap<String, PeerScore> peerScores(IncentiveInput input) {
    SortedMap<String, List<Integer>> received = new TreeMap<>();
    input.teamMembers().forEach(member -> received.put(member.userId(), new ArrayList<>()));
    input
        .peerRatings()
        .forEach(
            (rater, ratings) -> ratings.forEach((ratee, score) -> received.get(ratee).add(score)));
    SortedMap<String, PeerScore> scores = new TreeMap<>();
    received.forEach((userId, ratings) -> scores.put(userId, PeerScore.of(ratings)));
    return scores;
  }

  /**
   * Scores are fractions sum/count; over the least common count they become exact integer weights.
   */
  private static SortedMap<String, BigInteger> byScore(SortedMap<String, PeerScore> earners) {
    BigInteger commonDenominator = BigInteger.ONE;
    for (PeerScore score : earners.values()) {
      BigInteger count = BigInteger.valueOf(score.scoredCount());
      commonDenominator = commonDenominator.divide(commonDenominator.gcd(count)).multiply(count);
    }
    SortedMap<String, BigInteger> weights = new TreeMap<>();
    for (Map.Entry<String, PeerScore> earner : earners.entrySet()) {
      weights.put(earner.getKey(), earner.getValue().weightOver(commonDenominator));
    }
    return weights;
  }

  private static List<TeamMember> sortedByUserId(List<TeamMember> members) {
    List<TeamMember> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> a.userId().compareTo(b.userId()));
    return sorted;
  }

  private static void validate(IncentiveInput input) {
    if (input.realizedRevenue().signum() < 0) {
      throw new InvalidVariableException("realizedRevenue", Rule.zeroOrMore());
    }
    validatePolicy(input.policy());
    DepartmentShares.validate("departmentShares", input.departmentShares());

    Set<String> userIds = new HashSet<>();
    Set<String> memberDepartments = new TreeSet<>();
    for (TeamMember member : input.teamMembers()) {
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
      memberDepartments.add(member.department());
    }
    if (userIds.size() < 2) {
      throw new InvalidVariableException("teamMembers", "needs at least two members", "至少需要两名成员");
    }
    if (!memberDepartments.equals(input.departmentShares().keySet())) {
      throw new InvalidVariableException(
          "departmentShares",
          new Rule(
                  "keys must be exactly the team's departments " + memberDepartments,
                  "键必须恰好是团队成员的部门 " + memberDepartments)
              .got(input.departmentShares().keySet()));
    }

    Set<String> rated = new HashSet<>();
    input
        .peerRatings()
        .forEach(
            (rater, ratings) -> {
              if (!userIds.contains(rater)) {
                throw new InvalidVariableException(
                    "peerRatings", rater + " is not a team member", rater + " 不是团队成员");
              }
              Set<String> others = new TreeSet<>(userIds);
              others.remove(rater);
              if (!others.equals(ratings.keySet())) {
                throw new InvalidVariableException(
                    "peerRatings",
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
                          "peerRatings",
                          new Rule(
                                  rater
                                      + "'s rating of "
                                      + ratee
                                      + " must be an integer from 1 to 5",
                                  rater + " 对 " + ratee + " 的评分必须是 1 到 5 的整数")
                              .got(score));
                    }
                  });
              rated.addAll(ratings.keySet());
            });
    for (String userId : new TreeSet<>(userIds)) {
      if (!rated.contains(userId)) {
        throw new InvalidVariableException(
            "peerRatings", userId + " received no rating", userId + " 没有收到任何评分");
      }
    }
  }

  private static void validatePolicy(IncentivePolicy policy) {
    if (policy.poolRate().signum() < 0 || policy.poolRate().compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidVariableException(
          "incentivePolicy",
          new Rule("poolRate must be from 0 to 1", "poolRate 必须在 0 到 1 之间").got(policy.poolRate()));
    }
    if (policy.starPromotionPoints() < 0) {
      throw new InvalidVariableException(
          "incentivePolicy",
          Rule.zeroOrMore().about("starPromotionPoints").got(policy.starPromotionPoints()));
    }
  }
}
