package org.opencollab.incentive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollab.incentive.IncentiveStatement.DepartmentLine;
import org.opencollab.incentive.IncentiveStatement.MemberLine;
import org.opencollab.incentive.TeamScores.MemberScore;
import org.opencollab.money.Allocation;
import org.opencollab.money.Money;
import org.opencollab.opportunity.DepartmentShares;
import org.opencollab.opportunity.TeamMember;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * Computes the incentive statement of docs/money.md from the seed's incentive rules: revenue is
 * credited to each department's KPI by its agreed share (收益按比例计入各方考核), members whom their peers
 * rate below the threshold get no bonus (搭便车), the best-rated members become collaboration stars
 * with promotion points (协作之星), and members rated well by other departments' peers earn promotion
 * points for that support (主动支持其他部门). Members are rated 360 degrees: by their peers, the executive
 * sponsor and a coordinator ({@link TeamScores}).
 */
public final class IncentiveCalculator {

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

    SortedMap<String, MemberScore> scores =
        TeamScores.of(input.teamMembers(), input.ratings(), policy);
    Set<String> freeRiders = freeRiders(scores, policy);

    SortedMap<String, BigDecimal> bonuses = new TreeMap<>();
    BigDecimal unallocated = Money.ZERO;
    for (Map.Entry<String, BigDecimal> pool : pools.entrySet()) {
      SortedMap<String, Score> earners = new TreeMap<>();
      for (TeamMember member : input.teamMembers()) {
        if (member.department().equals(pool.getKey()) && !freeRiders.contains(member.userId())) {
          earners.put(member.userId(), scores.get(member.userId()).score());
        }
      }
      if (earners.isEmpty()) {
        unallocated = unallocated.add(pool.getValue());
      } else {
        bonuses.putAll(Allocation.allocate(pool.getValue(), byScore(earners)));
      }
    }

    Optional<Score> best =
        scores.values().stream()
            .filter(score -> !freeRiders.contains(score.member().userId()))
            .map(MemberScore::score)
            .max(Score::compareTo)
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
      MemberScore score = scores.get(member.userId());
      boolean freeRider = freeRiders.contains(member.userId());
      boolean star = !freeRider && best.isPresent() && score.score().compareTo(best.get()) == 0;
      int supportPoints = supportPoints(score, freeRider, policy);
      members.add(
          new MemberLine(
              member.userId(),
              member.department(),
              score.peer().shown(),
              score.peer().ratingsReceived(),
              score.score().shown(),
              freeRider,
              bonuses.getOrDefault(member.userId(), Money.ZERO),
              star,
              List.copyOf(score.supportedDepartments()),
              supportPoints,
              (star ? policy.starPromotionPoints() : 0) + supportPoints));
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

  /** Members whose 360-degree score is below the free-rider threshold (搭便车). */
  public static Set<String> freeRiders(
      SortedMap<String, MemberScore> scores, IncentivePolicy policy) {
    Set<String> freeRiders = new TreeSet<>();
    scores.forEach(
        (userId, score) -> {
          if (score.score().isBelow(policy.freeRiderThreshold())) {
            freeRiders.add(userId);
          }
        });
    return freeRiders;
  }

  /**
   * Promotion points for the support a member gave other departments (主动支持其他部门): the policy's
   * points per department supported; none for a free rider.
   */
  public static int supportPoints(MemberScore score, boolean freeRider, IncentivePolicy policy) {
    return freeRider
        ? 0
        : Math.multiplyExact(score.supportedDepartments().size(), policy.supportPromotionPoints());
  }

  /** Scores are exact fractions; over the least common denominator they become integer weights. */
  private static SortedMap<String, BigInteger> byScore(SortedMap<String, Score> earners) {
    BigInteger commonDenominator = BigInteger.ONE;
    for (Score score : earners.values()) {
      BigInteger denominator = score.denominator();
      commonDenominator =
          commonDenominator.divide(commonDenominator.gcd(denominator)).multiply(denominator);
    }
    SortedMap<String, BigInteger> weights = new TreeMap<>();
    for (Map.Entry<String, Score> earner : earners.entrySet()) {
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
    DepartmentShares.validate("departmentShares", input.departmentShares());
    TeamScores.validate(input.teamMembers(), input.ratings(), input.policy());
    Set<String> memberDepartments = new TreeSet<>();
    input.teamMembers().forEach(member -> memberDepartments.add(member.department()));
    if (!memberDepartments.equals(input.departmentShares().keySet())) {
      throw new InvalidVariableException(
          "departmentShares",
          new Rule(
                  "keys must be exactly the team's departments " + memberDepartments,
                  "键必须恰好是团队成员的部门 " + memberDepartments)
              .got(input.departmentShares().keySet()));
    }
  }
}
