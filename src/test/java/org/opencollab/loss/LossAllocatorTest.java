package org.opencollab.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencollab.incentive.IncentivePolicy;
import org.opencollab.incentive.TeamRatings;
import org.opencollab.loss.LossStatement.DepartmentLoss;
import org.opencollab.money.Money;
import org.opencollab.opportunity.TeamMember;

class LossAllocatorTest {

  private final LossAllocator allocator = new LossAllocator();

  @Test
  void lossIsSharedByInputHours() {
    LossStatement statement =
        allocator.allocate(
            new LossInput(
                "OPP-1",
                new BigDecimal("90000.00"),
                shares("SALES", 50, "TECH", 35, "DELIVERY", 15),
                inputs("SALES", "120", "30000", "TECH", "200", "80000", "DELIVERY", "40", "9000")));

    assertThat(statement.basis()).isEqualTo("INPUT_HOURS");
    assertThat(statement.departments())
        .containsExactly(
            new DepartmentLoss(
                "DELIVERY",
                new BigDecimal("40"),
                new BigDecimal("9000.00"),
                new BigDecimal("11.11"),
                new BigDecimal("10000.00")),
            new DepartmentLoss(
                "SALES",
                new BigDecimal("120"),
                new BigDecimal("30000.00"),
                new BigDecimal("33.33"),
                new BigDecimal("30000.00")),
            new DepartmentLoss(
                "TECH",
                new BigDecimal("200"),
                new BigDecimal("80000.00"),
                new BigDecimal("55.56"),
                new BigDecimal("50000.00")));
  }

  /**
   * docs/money.md: the worked example lost instead of won, rated 360 degrees. No bonus and no star
   * on a loss; the free rider is flagged and support earns its points.
   */
  @Test
  void theTeamIsRatedOnALossAsOnADelivery() {
    SortedMap<String, SortedMap<String, Integer>> peers = new TreeMap<>();
    peers.put("alice", new TreeMap<>(java.util.Map.of("sam", 2, "bob", 5, "carol", 4)));
    peers.put("sam", new TreeMap<>(java.util.Map.of("alice", 5, "bob", 5, "carol", 4)));
    peers.put("bob", new TreeMap<>(java.util.Map.of("alice", 4, "sam", 2, "carol", 3)));
    peers.put("carol", new TreeMap<>(java.util.Map.of("alice", 5, "sam", 3, "bob", 4)));
    SortedMap<String, SortedMap<String, Integer>> coordinator = new TreeMap<>();
    coordinator.put(
        "erin", new TreeMap<>(java.util.Map.of("alice", 5, "bob", 5, "carol", 4, "sam", 2)));
    LossStatement statement =
        allocator.allocate(
            new LossInput(
                "OPP-LOST",
                new BigDecimal("10000.00"),
                shares("SALES", 50, "TECH", 35, "DELIVERY", 15),
                inputs("SALES", "30", "6000", "TECH", "45", "9000", "DELIVERY", "10", "2000"),
                List.of(
                    new TeamMember("alice", "SALES"),
                    new TeamMember("sam", "SALES"),
                    new TeamMember("bob", "TECH"),
                    new TeamMember("carol", "DELIVERY")),
                new TeamRatings(peers, new TreeMap<>(), coordinator),
                new IncentivePolicy(
                    new BigDecimal("0.02"),
                    new BigDecimal("2.5"),
                    new BigDecimal("4.5"),
                    10,
                    new BigDecimal("0.6"),
                    new BigDecimal("0.2"),
                    new BigDecimal("0.2"),
                    new BigDecimal("4"),
                    2)));

    assertThat(statement.members())
        .extracting(
            LossStatement.MemberLine::userId,
            LossStatement.MemberLine::score,
            LossStatement.MemberLine::freeRider,
            LossStatement.MemberLine::promotionPoints)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", new BigDecimal("4.75"), false, 4),
            org.assertj.core.groups.Tuple.tuple("bob", new BigDecimal("4.75"), false, 4),
            org.assertj.core.groups.Tuple.tuple("carol", new BigDecimal("3.75"), false, 2),
            org.assertj.core.groups.Tuple.tuple("sam", new BigDecimal("2.25"), true, 0));
    assertThat(
            statement.departments().stream()
                .map(DepartmentLoss::loss)
                .reduce(Money.ZERO, BigDecimal::add))
        .isEqualTo("10000.00");
  }

  @Test
  void withoutTheTeamsRatingsTheStatementHasNoMembers() {
    LossStatement statement =
        allocator.allocate(
            new LossInput(
                "OPP-OLD",
                new BigDecimal("100.00"),
                shares("SALES", 100),
                inputs("SALES", "1", "0")));
    assertThat(statement.members()).isEmpty();
  }

  @Test
  void withNoHoursReportedTheAgreedSharesCarryTheLoss() {
    LossStatement statement =
        allocator.allocate(
            new LossInput(
                "OPP-2",
                new BigDecimal("1000.00"),
                shares("SALES", 50, "TECH", 35, "DELIVERY", 15),
                inputs("SALES", "0", "0", "TECH", "0", "500", "DELIVERY", "0", "0")));

    assertThat(statement.basis()).isEqualTo("SHARES");
    assertThat(statement.departments())
        .extracting(DepartmentLoss::department, DepartmentLoss::share, DepartmentLoss::loss)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "DELIVERY", new BigDecimal("15.00"), new BigDecimal("150.00")),
            org.assertj.core.groups.Tuple.tuple(
                "SALES", new BigDecimal("50.00"), new BigDecimal("500.00")),
            org.assertj.core.groups.Tuple.tuple(
                "TECH", new BigDecimal("35.00"), new BigDecimal("350.00")));
  }

  @Test
  void leftoverCentOfATieGoesToTheSmallerDepartmentCode() {
    LossStatement statement =
        allocator.allocate(
            new LossInput(
                "OPP-3",
                new BigDecimal("100.00"),
                shares("SALES", 34, "TECH", 33, "DELIVERY", 33),
                inputs("SALES", "1", "0", "TECH", "1", "0", "DELIVERY", "1", "0")));
    assertThat(statement.departments())
        .extracting(DepartmentLoss::loss)
        .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
  }

  @Test
  void refusesInputsOfDepartmentsThatAreNotInvolved() {
    assertThatThrownBy(
            () ->
                allocator.allocate(
                    new LossInput(
                        "OPP-4",
                        new BigDecimal("100.00"),
                        shares("SALES", 50, "TECH", 50),
                        inputs("SALES", "1", "0", "MARKETING", "1", "0"))))
        .hasMessage(
            "departmentInputs: must report exactly the involved departments [SALES, TECH], got [MARKETING, SALES]");
  }

  @Test
  void refusesNegativeHours() {
    assertThatThrownBy(
            () ->
                allocator.allocate(
                    new LossInput(
                        "OPP-5",
                        new BigDecimal("100.00"),
                        shares("SALES", 100),
                        inputs("SALES", "-1", "0"))))
        .hasMessage("departmentInputs: SALES hours must be 0 or more");
  }

  @Test
  void refusesCostsWithFractionsOfACent() {
    assertThatThrownBy(
            () ->
                allocator.allocate(
                    new LossInput(
                        "OPP-6",
                        new BigDecimal("100.00"),
                        shares("SALES", 100),
                        inputs("SALES", "1", "10.005"))))
        .hasMessage(
            "departmentInputs: SALES cost must have at most two decimal places (CNY cents), got 10.005");
  }

  @Test
  void lossesAlwaysSumToTheLossAmount() {
    Random random = new Random(20261127L);
    List<String> codes = List.of("DELIVERY", "MARKETING", "OPERATIONS", "SALES", "TECH");
    for (int i = 0; i < 5_000; i++) {
      int count = 1 + random.nextInt(codes.size());
      SortedMap<String, Integer> shares = new TreeMap<>();
      SortedMap<String, DepartmentInput> inputs = new TreeMap<>();
      int left = 100;
      boolean noHours = random.nextInt(5) == 0;
      for (int d = 0; d < count; d++) {
        int share = d == count - 1 ? left : 1 + random.nextInt(left - (count - d - 1));
        left -= share;
        shares.put(codes.get(d), share);
        BigDecimal hours =
            noHours ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(2000), random.nextInt(3));
        inputs.put(
            codes.get(d),
            new DepartmentInput(hours, BigDecimal.valueOf(random.nextInt(1_000_000), 2)));
      }
      BigDecimal lossAmount =
          BigDecimal.valueOf(Math.abs(random.nextLong() % 100_000_000_000_00L), 2);
      LossInput input = new LossInput("OPP-GEN-" + i, lossAmount, shares, inputs);
      LossStatement statement = allocator.allocate(input);
      BigDecimal sum =
          statement.departments().stream()
              .map(DepartmentLoss::loss)
              .reduce(Money.ZERO, BigDecimal::add);
      assertThat(sum).as("case %d: %s", i, input).isEqualTo(statement.lossAmount());
      assertThat(statement.lossAmount()).as("case %d", i).isEqualTo(lossAmount);
    }
  }

  static SortedMap<String, Integer> shares(Object... codesAndShares) {
    SortedMap<String, Integer> shares = new TreeMap<>();
    for (int i = 0; i < codesAndShares.length; i += 2) {
      shares.put((String) codesAndShares[i], (Integer) codesAndShares[i + 1]);
    }
    return shares;
  }

  static SortedMap<String, DepartmentInput> inputs(String... codeHoursCost) {
    SortedMap<String, DepartmentInput> inputs = new TreeMap<>();
    for (int i = 0; i < codeHoursCost.length; i += 3) {
      inputs.put(
          codeHoursCost[i],
          new DepartmentInput(
              new BigDecimal(codeHoursCost[i + 1]), new BigDecimal(codeHoursCost[i + 2])));
    }
    return inputs;
  }
}
