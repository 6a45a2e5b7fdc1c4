package org.opencollab.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The health check's arithmetic, told what history holds, without an engine. */
class HealthFiguresTest {

  private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

  private static Instant hoursLater(long hours) {
    return MONDAY.plus(Duration.ofHours(hours));
  }

  @Test
  void anOfferedTaskCountsItsClaimUntilPickedUpOrCompletedAndWaitsWhileOpen() {
    HealthFigures figures = new HealthFigures();
    figures.task("TECH", task("a", hoursLater(10), true), true, hoursLater(2));
    figures.task("TECH", task("b", hoursLater(30), true), true, null);
    figures.task("TECH", task("c", null, false), true, null);
    figures.task("TECH", task("d", hoursLater(5), true), false, null);

    HealthFigures.DepartmentFigures tech = figures.departments.get("TECH");
    assertThat(tech.tasksCompleted).isEqualTo(3);
    assertThat(tech.tasksWaiting).isEqualTo(1);
    assertThat(tech.claim.count()).isEqualTo(2);
    assertThat(tech.claim.medianHours()).isEqualByComparingTo("16.0");
    assertThat(figures.tasksClaimed()).isEqualTo(2);
    assertThat(figures.tasksClaimedWithinADay()).isEqualTo(1);
    assertThat(tech.slowestClaims).extracting(node -> node.get("task").asText()).contains("b");
  }

  @Test
  void disputesCountForTheRaisingAndTheAccusedDepartmentAndRulingsByWhoDecided() {
    HealthFigures figures = new HealthFigures();
    for (int n = 0; n < 12; n++) {
      figures.disputeRaised(
          "d" + n,
          Map.of(
              "raisedByDepartment", "SALES",
              "againstDepartment", "TECH",
              "disputeType", "PRIORITY",
              "opportunityId", "OPP-1"));
    }
    figures.disputeSettled(3_600_000, Spin.JSON("{\"decidedBy\": \"MEDIATION\"}"));
    figures.disputeSettled(7_200_000, Spin.JSON("{\"decidedBy\": \"COMMITTEE\"}"));
    figures.slaTimer(Optional.of("TECH"));
    figures.slaTimer(Optional.empty());

    assertThat(figures.disputesRaised).isEqualTo(12);
    assertThat(figures.departments.get("SALES").disputesRaised).isEqualTo(12);
    assertThat(figures.departments.get("TECH").disputesAgainst).isEqualTo(12);
    assertThat(figures.departments.get("TECH").disputesAgainstEvidence).hasSize(10);
    assertThat(figures.settledByMediation).isEqualTo(1);
    assertThat(figures.committeeRulings).isEqualTo(1);
    assertThat(figures.slaTimersFired).isEqualTo(2);
    assertThat(figures.departments.get("TECH").slaTimersFired).isEqualTo(1);
  }

  @Test
  void outcomesInnovationPeerScoresAndFreeRidersComeFromFinishedOpportunities() {
    HealthFigures figures = new HealthFigures();
    figures.opportunityStarted("MANDATORY");
    figures.opportunityStarted("NONE");
    figures.opportunityFinished(
        Map.of(
            "finalOutcome",
            "DELIVERED",
            "newProduct",
            true,
            "opportunityId",
            "OPP-7",
            "incentiveStatement",
            Spin.JSON(
                "{\"members\": [{\"userId\": \"bob\", \"department\": \"TECH\","
                    + " \"peerScore\": \"2.00\", \"freeRider\": true},"
                    + " {\"userId\": \"alice\", \"department\": \"SALES\","
                    + " \"peerScore\": \"4.50\", \"freeRider\": false}]}")));
    figures.opportunityFinished(Map.of("finalOutcome", "LOST", "pressReleaseRequired", true));
    figures.opportunityFinished(Map.of("finalOutcome", "RUNNING"));

    assertThat(figures.opportunitiesStarted).isEqualTo(2);
    assertThat(figures.opportunitiesWithTech).isEqualTo(1);
    assertThat(figures.delivered).isEqualTo(1);
    assertThat(figures.lost).isEqualTo(1);
    assertThat(figures.wonWithInnovation).isEqualTo(1);
    assertThat(figures.departments.get("SALES").peerScoreSum).isEqualByComparingTo("4.50");
    assertThat(figures.freeRiderJudgements).containsOnlyKeys("bob");
    assertThat(figures.freeRiderJudgements.get("bob").get(0).get("opportunityId").asText())
        .isEqualTo("OPP-7");
  }

  @Test
  void aFreeRiderOnAWonDealAndOnALostDealIsJudgedTwice() {
    HealthFigures figures = new HealthFigures();
    figures.opportunityFinished(
        Map.of(
            "finalOutcome",
            "DELIVERED",
            "opportunityId",
            "OPP-1",
            "incentiveStatement",
            Spin.JSON(
                "{\"members\": [{\"userId\": \"sam\", \"department\": \"SALES\","
                    + " \"peerScore\": \"2.33\", \"freeRider\": true}]}")));
    figures.opportunityFinished(
        Map.of(
            "finalOutcome",
            "LOST",
            "opportunityId",
            "OPP-2",
            "lossStatement",
            Spin.JSON(
                "{\"members\": [{\"userId\": \"sam\", \"department\": \"SALES\","
                    + " \"peerScore\": \"2.00\", \"freeRider\": true},"
                    + " {\"userId\": \"alice\", \"department\": \"SALES\","
                    + " \"peerScore\": \"4.50\", \"freeRider\": false}]}")));
    figures.opportunityFinished(
        Map.of(
            "finalOutcome",
            "DELIVERY_FAILED",
            "opportunityId",
            "OPP-3",
            "lossStatement",
            Spin.JSON(
                "{\"members\": [{\"userId\": \"bob\", \"department\": \"TECH\","
                    + " \"peerScore\": \"1.50\", \"freeRider\": true}]}")));

    assertThat(figures.freeRiderJudgements).containsOnlyKeys("sam", "bob");
    assertThat(figures.freeRiderJudgements.get("sam"))
        .extracting(judgement -> judgement.get("opportunityId").asText())
        .containsExactly("OPP-1", "OPP-2");
    assertThat(figures.freeRiderJudgements.get("sam").get(1).get("peerScore").asText())
        .isEqualTo("2.00");
    // A loss statement rates, it does not enter the departments' average peer score.
    assertThat(figures.departments.get("SALES").peerScoreSum).isEqualByComparingTo("2.33");
    assertThat(figures.departments.get("SALES").peerScores).isEqualTo(1);
  }

  @Test
  void aDepartmentCountsTheOpportunitiesOfItsTeamsAndTheRulingsItWasPartyTo() {
    HealthFigures figures = new HealthFigures();
    String salesAndTech =
        "[{\"userId\": \"alice\", \"department\": \"SALES\"},"
            + " {\"userId\": \"bob\", \"department\": \"TECH\"},"
            + " {\"userId\": \"sam\", \"department\": \"SALES\"}]";
    figures.opportunityStarted("MANDATORY", Spin.JSON(salesAndTech));
    figures.opportunityStarted(
        "NONE", Spin.JSON("[{\"userId\": \"alice\", \"department\": \"SALES\"}]"));
    figures.opportunityStarted("MANDATORY", null);
    figures.opportunityFinished(
        Map.of(
            "finalOutcome",
            "DELIVERY_FAILED",
            "newProduct",
            true,
            "teamMembers",
            Spin.JSON(salesAndTech)));
    figures.opportunityFinished(
        Map.of("finalOutcome", "LOST", "teamMembers", Spin.JSON(salesAndTech)));
    figures.disputeSettled(
        3_600_000,
        Spin.JSON("{\"decidedBy\": \"COMMITTEE\"}"),
        java.util.Set.of("SALES", "DELIVERY"));
    figures.disputeSettled(
        3_600_000, Spin.JSON("{\"decidedBy\": \"MEDIATION\"}"), java.util.Set.of("SALES", "TECH"));

    HealthFigures.DepartmentFigures sales = figures.departments.get("SALES");
    assertThat(sales.opportunitiesStarted).isEqualTo(2);
    assertThat(sales.opportunitiesWithTech).isEqualTo(1);
    assertThat(sales.won).isEqualTo(1);
    assertThat(sales.wonWithInnovation).isEqualTo(1);
    assertThat(sales.committeeRulings).isEqualTo(1);
    HealthFigures.DepartmentFigures tech = figures.departments.get("TECH");
    assertThat(tech.opportunitiesStarted).isEqualTo(1);
    assertThat(tech.committeeRulings).isZero();
    assertThat(figures.departments.get("DELIVERY").committeeRulings).isEqualTo(1);
    assertThat(figures.departments.get("DELIVERY").opportunitiesStarted).isZero();
    assertThat(figures.opportunitiesStarted).isEqualTo(3);
  }

  @Test
  void theLongestRunOfSprintsAtRiskAmongThePeriodsReviews() {
    HealthFigures figures = new HealthFigures();
    String reviews =
        "[{\"sprint\": 1, \"status\": \"AT_RISK\"}, {\"sprint\": 2, \"status\": \"AT_RISK\"},"
            + " {\"sprint\": 3, \"status\": \"ON_TRACK\"}, {\"sprint\": 4, \"status\": \"AT_RISK\"}]";
    figures.sprintReviews(Map.of("opportunityId", "OPP-9", "sprintReviews", Spin.JSON(reviews)), 4);
    figures.sprintReviews(Map.of("opportunityId", "OPP-8", "sprintReviews", Spin.JSON(reviews)), 2);

    assertThat(figures.sprintsAtRisk.get("OPP-9").get("sprints").toString()).isEqualTo("[1,2]");
    assertThat(figures.sprintsAtRisk.get("OPP-8").get("sprints").toString()).isEqualTo("[4]");
  }

  private static HealthFigures.Task task(String name, Instant ended, boolean completed) {
    return new HealthFigures.Task(name, name, "instance", MONDAY, ended, completed);
  }
}
