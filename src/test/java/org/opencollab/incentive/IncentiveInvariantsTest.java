package org.opencollab.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencollab.incentive.IncentiveStatement.DepartmentLine;
import org.opencollab.incentive.IncentiveStatement.MemberLine;
import org.opencollab.loss.DepartmentInput;
import org.opencollab.loss.LossAllocator;
import org.opencollab.loss.LossInput;
import org.opencollab.loss.LossStatement;
import org.opencollab.money.Money;
import org.opencollab.opportunity.TeamMember;

/**
 * docs/money.md's invariants over thousands of generated opportunities, delivered and lost, rated
 * by peers alone or 360 degrees. The generator is seeded, so a failure names its case and repeats
 * on every machine.
 */
class IncentiveInvariantsTest {

  static final long SEED = 20261127L;
  static final int CASES = 5_000;
  static final List<String> DEPARTMENTS =
      List.of("DELIVERY", "MARKETING", "OPERATIONS", "SALES", "TECH");
  static final List<String> POOL_RATES = List.of("0.03", "0.02", "0.015", "0.0123", "1", "0");
  static final List<String> WEIGHTS = List.of("0", "0.6", "0.2", "0.25", "1", "0.333", "3");
  static final BigDecimal ONE = new BigDecimal("1.00");
  static final BigDecimal FIVE = new BigDecimal("5.00");

  private final IncentiveCalculator calculator = new IncentiveCalculator();

  @Test
  void poolsCreditsAndBonusesAlwaysSumExactly() {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      IncentiveInput input = generate(random, i);
      IncentiveStatement statement = calculator.calculate(input);
      String context = "case " + i + ": " + input;

      BigDecimal pools =
          statement.departments().stream()
              .map(DepartmentLine::pool)
              .reduce(Money.ZERO, BigDecimal::add);
      BigDecimal credits =
          statement.departments().stream()
              .map(DepartmentLine::kpiCredit)
              .reduce(Money.ZERO, BigDecimal::add);
      BigDecimal bonuses =
          statement.members().stream().map(MemberLine::bonus).reduce(Money.ZERO, BigDecimal::add);

      assertThat(pools).as(context).isEqualTo(statement.bonusPool());
      assertThat(credits).as(context).isEqualTo(statement.realizedRevenue());
      assertThat(bonuses.add(statement.unallocated())).as(context).isEqualTo(statement.bonusPool());
      assertThat(statement.bonusPool())
          .as(context)
          .isEqualTo(
              Money.roundToCent(input.realizedRevenue().multiply(input.policy().poolRate())));
      for (MemberLine member : statement.members()) {
        assertThat(member.bonus().scale()).as(context).isEqualTo(2);
        assertThat(member.bonus().signum()).as(context).isGreaterThanOrEqualTo(0);
        assertThat(member.score()).as(context).isBetween(ONE, FIVE);
        assertThat(member.supportPoints()).as(context).isGreaterThanOrEqualTo(0);
        assertThat(member.promotionPoints())
            .as(context)
            .isEqualTo(
                member.supportPoints()
                    + (member.collaborationStar() ? input.policy().starPromotionPoints() : 0));
        assertThat(member.supportPoints())
            .as(context)
            .isEqualTo(
                member.freeRider()
                    ? 0
                    : member.supportedDepartments().size()
                        * input.policy().supportPromotionPoints());
        assertThat(member.supportedDepartments()).as(context).doesNotContain(member.department());
        if (member.freeRider()) {
          assertThat(member.bonus()).as(context).isEqualTo(Money.ZERO);
          assertThat(member.collaborationStar()).as(context).isFalse();
        }
      }
    }
  }

  /**
   * The weights of the raters present, renormalised, add up to exactly 1 whichever raters are
   * missing, and a member's score stays within the rating scale, exactly.
   */
  @Test
  void usedWeightsSumToOneAndScoresStayWithinTheScale() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < CASES; i++) {
      IncentiveInput input = generate(random, i);
      String context = "case " + i + ": " + input;
      for (boolean sponsor : new boolean[] {true, false}) {
        for (boolean coordinator : new boolean[] {true, false}) {
          List<BigInteger[]> used = TeamScores.usedWeights(input.policy(), sponsor, coordinator);
          BigInteger numerators = BigInteger.ZERO;
          for (BigInteger[] weight : used) {
            assertThat(weight[0].signum()).as(context).isGreaterThanOrEqualTo(0);
            assertThat(weight[1]).as(context).isEqualTo(used.get(0)[1]);
            numerators = numerators.add(weight[0]);
          }
          assertThat(numerators).as(context).isEqualTo(used.get(0)[1]);
          assertThat(used.get(1)[0].signum() == 0 || sponsor).as(context).isTrue();
          assertThat(used.get(2)[0].signum() == 0 || coordinator).as(context).isTrue();
        }
      }
      TeamScores.of(input.teamMembers(), input.ratings(), input.policy())
          .forEach(
              (userId, score) -> {
                assertThat(score.score().compareTo(new Score(BigInteger.ONE, BigInteger.ONE)))
                    .as(context)
                    .isGreaterThanOrEqualTo(0);
                assertThat(
                        score.score().compareTo(new Score(BigInteger.valueOf(5), BigInteger.ONE)))
                    .as(context)
                    .isLessThanOrEqualTo(0);
              });
    }
  }

  /**
   * The loss statement over the same generated teams: Σ loss = lossAmount, scores within the scale,
   * no bonus and no star on a loss, points never negative and only for support given.
   */
  @Test
  void lossesAlwaysSumExactlyAndRateTheTeam() {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < CASES; i++) {
      IncentiveInput generated = generate(random, i);
      SortedMap<String, DepartmentInput> inputs = new TreeMap<>();
      generated
          .departmentShares()
          .keySet()
          .forEach(
              department ->
                  inputs.put(
                      department,
                      new DepartmentInput(
                          BigDecimal.valueOf(random.nextInt(3) == 0 ? 0 : random.nextInt(500)),
                          BigDecimal.valueOf(random.nextInt(1_000_000), 2))));
      LossInput input =
          new LossInput(
              generated.opportunityId(),
              generated.realizedRevenue(),
              generated.departmentShares(),
              inputs,
              generated.teamMembers(),
              generated.ratings(),
              generated.policy());
      LossStatement statement = new LossAllocator().allocate(input);
      String context = "case " + i + ": " + input;
      assertThat(
              statement.departments().stream()
                  .map(LossStatement.DepartmentLoss::loss)
                  .reduce(Money.ZERO, BigDecimal::add))
          .as(context)
          .isEqualTo(statement.lossAmount());
      assertThat(statement.members()).as(context).hasSize(generated.teamMembers().size());
      for (LossStatement.MemberLine member : statement.members()) {
        assertThat(member.score()).as(context).isBetween(ONE, FIVE);
        assertThat(member.promotionPoints()).as(context).isEqualTo(member.supportPoints());
        assertThat(member.supportPoints()).as(context).isGreaterThanOrEqualTo(0);
        if (member.freeRider()) {
          assertThat(member.supportPoints()).as(context).isZero();
        }
      }
    }
  }

  static IncentiveInput generate(Random random, int index) {
    List<String> departments = new ArrayList<>(DEPARTMENTS);
    java.util.Collections.shuffle(departments, random);
    int departmentCount = 1 + random.nextInt(DEPARTMENTS.size());
    List<TeamMember> members = new ArrayList<>();
    int memberCount = Math.max(2, departmentCount + random.nextInt(6));
    for (int m = 0; m < memberCount; m++) {
      String department =
          departments.get(m < departmentCount ? m : random.nextInt(departmentCount));
      members.add(new TeamMember("user" + m, department));
    }
    SortedMap<String, Integer> shares =
        randomShares(random, departments.subList(0, departmentCount));

    SortedMap<String, SortedMap<String, Integer>> ratings = new TreeMap<>();
    for (TeamMember rater : members) {
      SortedMap<String, Integer> given = new TreeMap<>();
      for (TeamMember ratee : members) {
        if (!ratee.equals(rater)) {
          given.put(ratee.userId(), 1 + random.nextInt(5));
        }
      }
      ratings.put(rater.userId(), given);
    }
    // Revenues from cents to billions, with awkward cents.
    long cents =
        switch (random.nextInt(4)) {
          case 0 -> random.nextInt(1000);
          case 1 -> random.nextInt(100_000_000);
          case 2 -> (long) (random.nextDouble() * 100_000_000_000_00L);
          default -> 100_000_000_000_00L;
        };
    BigDecimal poolRate = new BigDecimal(POOL_RATES.get(random.nextInt(POOL_RATES.size())));
    // Half the cases with 360-degree weights and support points, some of them zero.
    IncentivePolicy policy =
        random.nextBoolean()
            ? new IncentivePolicy(poolRate, new BigDecimal("2.5"), new BigDecimal("4.5"), 10)
            : new IncentivePolicy(
                poolRate,
                new BigDecimal("2.5"),
                new BigDecimal("4.5"),
                10,
                new BigDecimal(WEIGHTS.get(1 + random.nextInt(WEIGHTS.size() - 1))),
                new BigDecimal(WEIGHTS.get(random.nextInt(WEIGHTS.size()))),
                new BigDecimal(WEIGHTS.get(random.nextInt(WEIGHTS.size()))),
                BigDecimal.valueOf(1 + random.nextInt(5)),
                random.nextInt(4));
    SortedMap<String, SortedMap<String, Integer>> sponsor = new TreeMap<>();
    SortedMap<String, SortedMap<String, Integer>> coordinator = new TreeMap<>();
    if (random.nextBoolean()) {
      sponsor.put("sponsor", leadRatings(random, members, "sponsor"));
    }
    if (random.nextBoolean()) {
      // Now and then the coordinator is on the team and rates everyone but themselves.
      String rater = random.nextInt(4) == 0 ? members.get(0).userId() : "coordinator";
      coordinator.put(rater, leadRatings(random, members, rater));
    }
    return new IncentiveInput(
        "OPP-GEN-" + index,
        BigDecimal.valueOf(cents, 2),
        shares,
        members,
        new TeamRatings(ratings, sponsor, coordinator),
        policy);
  }

  private static SortedMap<String, Integer> leadRatings(
      Random random, List<TeamMember> members, String rater) {
    SortedMap<String, Integer> given = new TreeMap<>();
    for (TeamMember ratee : members) {
      if (!ratee.userId().equals(rater)) {
        given.put(ratee.userId(), 1 + random.nextInt(5));
      }
    }
    return given;
  }

  /** Integer percentages of at least 1 that sum to 100. */
  static SortedMap<String, Integer> randomShares(Random random, List<String> departments) {
    SortedMap<String, Integer> shares = new TreeMap<>();
    int left = 100;
    for (int d = 0; d < departments.size(); d++) {
      int stillToServe = departments.size() - d - 1;
      int share = d == departments.size() - 1 ? left : 1 + random.nextInt(left - stillToServe);
      shares.put(departments.get(d), share);
      left -= share;
    }
    return shares;
  }
}
