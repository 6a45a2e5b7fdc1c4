package org.opencollab.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencollab.incentive.IncentiveStatement.DepartmentLine;
import org.opencollab.incentive.IncentiveStatement.MemberLine;
import org.opencollab.money.Money;
import org.opencollab.opportunity.TeamMember;

/**
 * docs/money.md's invariants over thousands of generated opportunities. The generator is seeded, so
 * a failure names its case and repeats on every machine.
 */
class IncentiveInvariantsTest {

  static final long SEED = 20261127L;
  static final int CASES = 5_000;
  static final List<String> DEPARTMENTS =
      List.of("DELIVERY", "MARKETING", "OPERATIONS", "SALES", "TECH");
  static final List<String> POOL_RATES = List.of("0.03", "0.02", "0.015", "0.0123", "1", "0");

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
        if (member.freeRider()) {
          assertThat(member.bonus()).as(context).isEqualTo(Money.ZERO);
          assertThat(member.collaborationStar()).as(context).isFalse();
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
    IncentivePolicy policy =
        new IncentivePolicy(
            new BigDecimal(POOL_RATES.get(random.nextInt(POOL_RATES.size()))),
            new BigDecimal("2.5"),
            new BigDecimal("4.5"),
            10);
    return new IncentiveInput(
        "OPP-GEN-" + index, BigDecimal.valueOf(cents, 2), shares, members, ratings, policy);
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
