package org.opencollab.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencollab.incentive.IncentiveStatement.DepartmentLine;
import org.opencollab.incentive.IncentiveStatement.MemberLine;
import org.opencollab.opportunity.TeamMember;
import org.opencollab.variables.InvalidVariableException;

class IncentiveCalculatorTest {

  static final IncentivePolicy PRIORITY_B =
      new IncentivePolicy(new BigDecimal("0.02"), new BigDecimal("2.5"), new BigDecimal("4.5"), 10);

  /** DMN incentivePolicy's priority B: 360-degree weights 0.6 / 0.2 / 0.2, support 4 → 2 points. */
  static final IncentivePolicy PRIORITY_B_360 =
      new IncentivePolicy(
          new BigDecimal("0.02"),
          new BigDecimal("2.5"),
          new BigDecimal("4.5"),
          10,
          new BigDecimal("0.6"),
          new BigDecimal("0.2"),
          new BigDecimal("0.2"),
          new BigDecimal("4"),
          2);

  private final IncentiveCalculator calculator = new IncentiveCalculator();

  /** docs/money.md, worked example, to the cent. */
  static IncentiveInput workedExample() {
    return workedExample(PRIORITY_B);
  }

  /** The worked example's team and peer ratings under {@code policy}. */
  static IncentiveInput workedExample(IncentivePolicy policy) {
    return new IncentiveInput(
        "OPP-2026-001",
        new BigDecimal("2000000.00"),
        shares("SALES", 50, "TECH", 35, "DELIVERY", 15),
        List.of(
            new TeamMember("alice", "SALES"),
            new TeamMember("sam", "SALES"),
            new TeamMember("bob", "TECH"),
            new TeamMember("carol", "DELIVERY")),
        ratings(
            "alice", Map.of("sam", 2, "bob", 5, "carol", 4),
            "sam", Map.of("alice", 5, "bob", 5, "carol", 4),
            "bob", Map.of("alice", 4, "sam", 2, "carol", 3),
            "carol", Map.of("alice", 5, "sam", 3, "bob", 4)),
        policy);
  }

  /** ratingsReceived lists the scores from lowest to highest: it never tells who gave which. */
  @Test
  void workedExampleOfTheSpecToTheCent() {
    IncentiveStatement statement = calculator.calculate(workedExample());

    assertThat(statement.bonusPool()).isEqualTo("40000.00");
    assertThat(statement.poolRate()).isEqualTo("0.02");
    assertThat(statement.unallocated()).isEqualTo("0.00");
    assertThat(statement.departments())
        .containsExactly(
            new DepartmentLine(
                "DELIVERY", 15, new BigDecimal("300000.00"), new BigDecimal("6000.00")),
            new DepartmentLine(
                "SALES", 50, new BigDecimal("1000000.00"), new BigDecimal("20000.00")),
            new DepartmentLine(
                "TECH", 35, new BigDecimal("700000.00"), new BigDecimal("14000.00")));
    assertThat(statement.members())
        .containsExactly(
            new MemberLine(
                "alice",
                "SALES",
                new BigDecimal("4.67"),
                List.of(4, 5, 5),
                new BigDecimal("4.67"),
                false,
                new BigDecimal("20000.00"),
                true,
                List.of(),
                0,
                10),
            new MemberLine(
                "bob",
                "TECH",
                new BigDecimal("4.67"),
                List.of(4, 5, 5),
                new BigDecimal("4.67"),
                false,
                new BigDecimal("14000.00"),
                true,
                List.of(),
                0,
                10),
            new MemberLine(
                "carol",
                "DELIVERY",
                new BigDecimal("3.67"),
                List.of(3, 4, 4),
                new BigDecimal("3.67"),
                false,
                new BigDecimal("6000.00"),
                false,
                List.of(),
                0,
                0),
            new MemberLine(
                "sam",
                "SALES",
                new BigDecimal("2.33"),
                List.of(2, 2, 3),
                new BigDecimal("2.33"),
                true,
                new BigDecimal("0.00"),
                false,
                List.of(),
                0,
                0));
  }

  @Test
  void withFourOrMoreRatingsOneHighestAndOneLowestAreDropped() {
    assertThat(PeerScore.of(List.of(1, 5, 4, 4)).shown()).isEqualTo("4.00");
    assertThat(PeerScore.of(List.of(1, 5, 5, 5, 2)).shown()).isEqualTo("4.00");
    assertThat(PeerScore.of(List.of(1, 5, 4)).shown()).isEqualTo("3.33");
    // Trimmed 1 and 5 from {1,2,3,5}: the mean of 2 and 3 is 2.5 — exactly the threshold, not a
    // free rider.
    assertThat(PeerScore.of(List.of(1, 2, 3, 5)).isBelow(new BigDecimal("2.5"))).isFalse();
    assertThat(PeerScore.of(List.of(1, 2, 2, 5)).isBelow(new BigDecimal("2.5"))).isTrue();
  }

  @Test
  void trimmingDecidesWhoIsAFreeRiderInATeamOfFive() {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-5",
            new BigDecimal("100000.00"),
            shares("SALES", 60, "TECH", 40),
            List.of(
                new TeamMember("alice", "SALES"),
                new TeamMember("sam", "SALES"),
                new TeamMember("bob", "TECH"),
                new TeamMember("tina", "TECH"),
                new TeamMember("zoe", "TECH")),
            everyoneRates(
                Map.of("alice", 5, "sam", 4, "bob", 4, "tina", 3, "zoe", 4),
                // One generous rating for tina, dropped as the highest: her trimmed mean stays 2.0.
                "alice",
                "tina",
                5,
                "sam",
                "tina",
                2,
                "bob",
                "tina",
                2,
                "zoe",
                "tina",
                1),
            PRIORITY_B);
    IncentiveStatement statement = calculator.calculate(input);
    MemberLine tina = member(statement, "tina");
    assertThat(tina.ratingsReceived()).hasSize(4);
    assertThat(tina.peerScore()).isEqualTo("2.00");
    assertThat(tina.freeRider()).isTrue();
    assertThat(tina.bonus()).isEqualTo("0.00");
    assertThat(member(statement, "bob").bonus().add(member(statement, "zoe").bonus()))
        .isEqualTo("800.00");
  }

  @Test
  void freeRiderGetsNoBonusAndPoolGoesToPeers() {
    IncentiveStatement statement = calculator.calculate(workedExample());
    assertThat(member(statement, "sam").freeRider()).isTrue();
    assertThat(member(statement, "sam").bonus()).isEqualTo("0.00");
    assertThat(member(statement, "alice").bonus()).isEqualTo("20000.00");
  }

  @Test
  void departmentWhoseMembersAreAllFreeRidersLeavesItsPoolUnallocated() {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-7",
            new BigDecimal("1000000.00"),
            shares("SALES", 70, "TECH", 30),
            List.of(
                new TeamMember("alice", "SALES"),
                new TeamMember("bob", "TECH"),
                new TeamMember("tina", "TECH")),
            everyoneRates(Map.of("alice", 5, "bob", 2, "tina", 1)),
            PRIORITY_B);
    IncentiveStatement statement = calculator.calculate(input);
    assertThat(statement.unallocated()).isEqualTo("6000.00");
    assertThat(member(statement, "bob").freeRider()).isTrue();
    assertThat(member(statement, "tina").freeRider()).isTrue();
    assertThat(member(statement, "alice").bonus()).isEqualTo("14000.00");
    assertThat(member(statement, "alice").collaborationStar()).isTrue();
  }

  @Test
  void departmentPoolIsSharedByScore() {
    // SALES pool 20000.00 between alice (5.00) and sam (3.00): 12500.00 and 7500.00.
    IncentiveInput input =
        new IncentiveInput(
            "OPP-8",
            new BigDecimal("2000000.00"),
            shares("SALES", 50, "TECH", 50),
            List.of(
                new TeamMember("alice", "SALES"),
                new TeamMember("sam", "SALES"),
                new TeamMember("bob", "TECH")),
            everyoneRates(Map.of("alice", 5, "sam", 3, "bob", 4)),
            PRIORITY_B);
    IncentiveStatement statement = calculator.calculate(input);
    assertThat(member(statement, "alice").bonus()).isEqualTo("12500.00");
    assertThat(member(statement, "sam").bonus()).isEqualTo("7500.00");
    assertThat(member(statement, "bob").bonus()).isEqualTo("20000.00");
  }

  @Test
  void centTiesBetweenMembersGoToTheSmallerUserId() {
    // 0.01 of bonus pool (revenue 0.50 × 0.02) shared by two equal scores in one department: the
    // cent goes to "amy".
    IncentiveInput input =
        new IncentiveInput(
            "OPP-9",
            new BigDecimal("0.50"),
            shares("SALES", 100),
            List.of(new TeamMember("zed", "SALES"), new TeamMember("amy", "SALES")),
            everyoneRates(Map.of("zed", 4, "amy", 4)),
            PRIORITY_B);
    IncentiveStatement statement = calculator.calculate(input);
    assertThat(statement.bonusPool()).isEqualTo("0.01");
    assertThat(member(statement, "amy").bonus()).isEqualTo("0.01");
    assertThat(member(statement, "zed").bonus()).isEqualTo("0.00");
  }

  @Test
  void bonusPoolIsRoundedHalfUpToTheCent() {
    // 1234.25 × 0.015 = 18.51375 → 18.51; 1234.30 × 0.015 = 18.5145 → 18.51; 1234.50 × 0.015 =
    // 18.5175 → 18.52
    IncentivePolicy priorityC =
        new IncentivePolicy(
            new BigDecimal("0.015"), new BigDecimal("2.5"), new BigDecimal("4.5"), 10);
    assertThat(poolFor("1234.25", priorityC)).isEqualTo("18.51");
    assertThat(poolFor("1234.50", priorityC)).isEqualTo("18.52");
    assertThat(poolFor("100.10", priorityC)).isEqualTo("1.50"); // 1.5015
    assertThat(poolFor("100.30", priorityC)).isEqualTo("1.50"); // 1.5045
    assertThat(poolFor("100.34", priorityC)).isEqualTo("1.51"); // 1.5051
    assertThat(poolFor("0.30", priorityC)).isEqualTo("0.00"); // 0.0045
    assertThat(poolFor("0.34", priorityC)).isEqualTo("0.01"); // 0.0051
  }

  @Test
  void noStarWhenTheBestScoreIsBelowTheStarThreshold() {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-10",
            new BigDecimal("1000.00"),
            shares("SALES", 100),
            List.of(new TeamMember("alice", "SALES"), new TeamMember("sam", "SALES")),
            everyoneRates(Map.of("alice", 4, "sam", 3)),
            PRIORITY_B);
    assertThat(calculator.calculate(input).members()).noneMatch(MemberLine::collaborationStar);
  }

  @Test
  void refusesSharesThatDoNotMatchTheTeamsDepartments() {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-11",
            new BigDecimal("1000.00"),
            shares("SALES", 50, "TECH", 50),
            List.of(new TeamMember("alice", "SALES"), new TeamMember("sam", "SALES")),
            everyoneRates(Map.of("alice", 4, "sam", 3)),
            PRIORITY_B);
    assertThatThrownBy(() -> calculator.calculate(input))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessageStartingWith(
            "departmentShares: keys must be exactly the team's departments [SALES]");
  }

  @Test
  void refusesSharesThatDoNotSumToHundred() {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-12",
            new BigDecimal("1000.00"),
            shares("SALES", 60, "TECH", 30),
            List.of(new TeamMember("alice", "SALES"), new TeamMember("bob", "TECH")),
            everyoneRates(Map.of("alice", 4, "bob", 3)),
            PRIORITY_B);
    assertThatThrownBy(() -> calculator.calculate(input))
        .hasMessage("departmentShares: shares must sum to 100, got 90");
  }

  @Test
  void refusesRatingsThatMissAMemberOrAreOutOfRange() {
    IncentiveInput missing =
        new IncentiveInput(
            "OPP-13",
            new BigDecimal("1000.00"),
            shares("SALES", 100),
            List.of(
                new TeamMember("alice", "SALES"),
                new TeamMember("sam", "SALES"),
                new TeamMember("amy", "SALES")),
            ratings(
                "alice",
                Map.of("sam", 4),
                "sam",
                Map.of("alice", 4, "amy", 4),
                "amy",
                Map.of("alice", 4, "sam", 4)),
            PRIORITY_B);
    assertThatThrownBy(() -> calculator.calculate(missing))
        .hasMessageStartingWith(
            "peerRatings: alice must rate every other team member [amy, sam] exactly once");

    IncentiveInput outOfRange =
        new IncentiveInput(
            "OPP-14",
            new BigDecimal("1000.00"),
            shares("SALES", 100),
            List.of(new TeamMember("alice", "SALES"), new TeamMember("sam", "SALES")),
            ratings("alice", Map.of("sam", 6), "sam", Map.of("alice", 4)),
            PRIORITY_B);
    assertThatThrownBy(() -> calculator.calculate(outOfRange))
        .hasMessage("peerRatings: alice's rating of sam must be an integer from 1 to 5, got 6");
  }

  @Test
  void refusesAMemberListedTwice() {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-15",
            new BigDecimal("1000.00"),
            shares("SALES", 100),
            List.of(new TeamMember("alice", "SALES"), new TeamMember("alice", "SALES")),
            new TreeMap<>(),
            PRIORITY_B);
    assertThatThrownBy(() -> calculator.calculate(input))
        .hasMessage("teamMembers: member alice is listed twice");
  }

  private BigDecimal poolFor(String revenue, IncentivePolicy policy) {
    IncentiveInput input =
        new IncentiveInput(
            "OPP-P",
            new BigDecimal(revenue),
            shares("SALES", 100),
            List.of(new TeamMember("alice", "SALES"), new TeamMember("sam", "SALES")),
            everyoneRates(Map.of("alice", 4, "sam", 4)),
            policy);
    return calculator.calculate(input).bonusPool();
  }

  static MemberLine member(IncentiveStatement statement, String userId) {
    return statement.members().stream()
        .filter(m -> m.userId().equals(userId))
        .findFirst()
        .orElseThrow();
  }

  static SortedMap<String, Integer> shares(Object... codesAndShares) {
    SortedMap<String, Integer> shares = new TreeMap<>();
    for (int i = 0; i < codesAndShares.length; i += 2) {
      shares.put((String) codesAndShares[i], (Integer) codesAndShares[i + 1]);
    }
    return shares;
  }

  @SuppressWarnings("unchecked")
  static SortedMap<String, SortedMap<String, Integer>> ratings(Object... ratersAndRatings) {
    SortedMap<String, SortedMap<String, Integer>> ratings = new TreeMap<>();
    for (int i = 0; i < ratersAndRatings.length; i += 2) {
      ratings.put(
          (String) ratersAndRatings[i],
          new TreeMap<>((Map<String, Integer>) ratersAndRatings[i + 1]));
    }
    return ratings;
  }

  /**
   * Everyone rates every other member with the ratee's given score; then the listed overrides
   * (rater, ratee, score).
   */
  static SortedMap<String, SortedMap<String, Integer>> everyoneRates(
      Map<String, Integer> scoreOf, Object... overrides) {
    SortedMap<String, SortedMap<String, Integer>> ratings = new TreeMap<>();
    for (String rater : scoreOf.keySet()) {
      SortedMap<String, Integer> given = new TreeMap<>();
      scoreOf.forEach(
          (ratee, score) -> {
            if (!ratee.equals(rater)) {
              given.put(ratee, score);
            }
          });
      ratings.put(rater, given);
    }
    for (int i = 0; i < overrides.length; i += 3) {
      ratings.get((String) overrides[i]).put((String) overrides[i + 1], (Integer) overrides[i + 2]);
    }
    return ratings;
  }

  /** docs/money.md, "Worked example, 360 degrees": the coordinator's ratings, no sponsor. */
  @Test
  void workedExampleRatedThreeHundredSixtyDegreesRewardsSupportGiven() {
    IncentiveInput peers = workedExample(PRIORITY_B_360);
    SortedMap<String, SortedMap<String, Integer>> coordinator = new TreeMap<>();
    coordinator.put("erin", new TreeMap<>(Map.of("alice", 5, "bob", 5, "carol", 4, "sam", 2)));
    IncentiveStatement statement =
        calculator.calculate(
            new IncentiveInput(
                peers.opportunityId(),
                peers.realizedRevenue(),
                peers.departmentShares(),
                peers.teamMembers(),
                new TeamRatings(peers.peerRatings(), new TreeMap<>(), coordinator),
                PRIORITY_B_360));

    assertThat(statement.members())
        .extracting(
            MemberLine::userId,
            MemberLine::peerScore,
            MemberLine::score,
            MemberLine::freeRider,
            MemberLine::bonus,
            MemberLine::collaborationStar,
            MemberLine::supportedDepartments,
            MemberLine::supportPoints,
            MemberLine::promotionPoints)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "alice",
                new BigDecimal("4.67"),
                new BigDecimal("4.75"),
                false,
                new BigDecimal("20000.00"),
                true,
                List.of("DELIVERY", "TECH"),
                4,
                14),
            org.assertj.core.groups.Tuple.tuple(
                "bob",
                new BigDecimal("4.67"),
                new BigDecimal("4.75"),
                false,
                new BigDecimal("14000.00"),
                true,
                List.of("DELIVERY", "SALES"),
                4,
                14),
            org.assertj.core.groups.Tuple.tuple(
                "carol",
                new BigDecimal("3.67"),
                new BigDecimal("3.75"),
                false,
                new BigDecimal("6000.00"),
                false,
                List.of("SALES"),
                2,
                2),
            org.assertj.core.groups.Tuple.tuple(
                "sam",
                new BigDecimal("2.33"),
                new BigDecimal("2.25"),
                true,
                new BigDecimal("0.00"),
                false,
                List.of(),
                0,
                0));
  }

  /** The sponsor weighs in with its weight renormalised over the raters present. */
  @Test
  void theSponsorsRatingCountsWithItsRenormalisedWeight() {
    SortedMap<String, SortedMap<String, Integer>> peers = new TreeMap<>();
    peers.put("alice", new TreeMap<>(Map.of("bob", 3)));
    peers.put("bob", new TreeMap<>(Map.of("alice", 3)));
    SortedMap<String, SortedMap<String, Integer>> sponsor = new TreeMap<>();
    sponsor.put("frank", new TreeMap<>(Map.of("alice", 5, "bob", 1)));
    IncentiveStatement statement =
        calculator.calculate(
            new IncentiveInput(
                "OPP-360",
                new BigDecimal("1000.00"),
                shares("SALES", 50, "TECH", 50),
                List.of(new TeamMember("alice", "SALES"), new TeamMember("bob", "TECH")),
                new TeamRatings(peers, sponsor, new TreeMap<>()),
                PRIORITY_B_360));
    // Peers 0.6/0.8 = 0.75, sponsor 0.2/0.8 = 0.25: alice 2.25 + 1.25 = 3.50, bob 2.25 + 0.25.
    assertThat(statement.members())
        .extracting(MemberLine::userId, MemberLine::score, MemberLine::freeRider)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", new BigDecimal("3.50"), false),
            org.assertj.core.groups.Tuple.tuple("bob", new BigDecimal("2.50"), false));
  }

  @Test
  void aSponsorWhoDoesNotRateEveryMemberIsRefusedNamingTheVariable() {
    SortedMap<String, SortedMap<String, Integer>> sponsor = new TreeMap<>();
    sponsor.put("frank", new TreeMap<>(Map.of("alice", 5)));
    IncentiveInput peers = workedExample(PRIORITY_B_360);
    assertThatThrownBy(
            () ->
                calculator.calculate(
                    new IncentiveInput(
                        peers.opportunityId(),
                        peers.realizedRevenue(),
                        peers.departmentShares(),
                        peers.teamMembers(),
                        new TeamRatings(peers.peerRatings(), sponsor, new TreeMap<>()),
                        PRIORITY_B_360)))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessageContaining("sponsorRatings: frank must rate every other team member");
  }

  @Test
  void aPeerWeightOfZeroIsRefused() {
    IncentivePolicy noPeers =
        new IncentivePolicy(
            new BigDecimal("0.02"),
            new BigDecimal("2.5"),
            new BigDecimal("4.5"),
            10,
            BigDecimal.ZERO,
            new BigDecimal("0.5"),
            new BigDecimal("0.5"),
            new BigDecimal("4"),
            2);
    assertThatThrownBy(() -> calculator.calculate(workedExample(noPeers)))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessageContaining("incentivePolicy: peerWeight must be more than 0");
  }
}
