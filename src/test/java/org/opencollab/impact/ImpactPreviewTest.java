package org.opencollab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencollab.ApplicationTest;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The impact preview against a history with known answers (docs/process-owners.md, "Preview a rule
 * change against history"). On 12 September 2018 five opportunities start, and so decide tech's
 * participation; one more started the day before. Raising the threshold of rule 4 from 5,000,000 to
 * 8,000,000 CNY changes exactly the two of the 12th that rule 4 alone made MANDATORY. On 13
 * September the worked example of docs/money.md is delivered and, once more, lost; a policy of
 * priority B with a pool of 2.5 % and a free-rider threshold of 2.0 changes their statements to the
 * cent. The days are in the past, so that no other test's history falls on them.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactPreviewTest {

  static final String DAY_BEFORE = "2018-09-11";
  static final String TECH_DAY = "2018-09-12";
  static final String MONEY_DAY = "2018-09-13";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Rule 4 of techParticipation from 5,000,000 to 8,000,000 CNY. */
  static byte[] raisedThreshold() {
    return ImpactRequests.edited(
        "techParticipation",
        "<text>&gt;= 5000000</text>",
        "<text>&gt;= 8000000</text>",
        "The estimated value is 5,000,000 CNY or more",
        "The estimated value is 8,000,000 CNY or more");
  }

  @Autowired ProcessEngine engine;
  @Autowired RecordedEvaluations evaluations;
  @Autowired RecordedStatements statements;
  @LocalServerPort int port;

  ImpactRequests impact;
  OpportunityDriver driver;
  String keyAccount;
  String largeStandard;
  String largeStrategic;
  String veryLarge;
  String small;
  String delivered;
  String lost;

  @BeforeAll
  void knownHistory() {
    impact = new ImpactRequests("http://localhost:" + port);
    driver = new OpportunityDriver(engine);
    at(DAY_BEFORE);
    start(lowComplexity(6_000_000L, "STANDARD"));

    at(TECH_DAY);
    keyAccount = start(OpportunityDriver.keyAccount(OpportunityDriver.newOpportunityId()));
    largeStandard = start(lowComplexity(6_000_000L, "STANDARD"));
    largeStrategic = start(lowComplexity(6_000_000L, "STRATEGIC"));
    veryLarge = start(lowComplexity(9_000_000L, "STANDARD"));
    small = start(OpportunityDriver.smallDeal(OpportunityDriver.newOpportunityId()));

    at(MONEY_DAY);
    delivered = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(delivered);
    driver.runJobs(delivered);
    driver.complete(delivered, "ApproveIncentives", "incentivesApproved", true);
    // an hour later, so that the order of the two is certain
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
    lost = OpportunityDriver.newOpportunityId();
    driver.loseWorkedExampleUntilAllocation(lost);
    driver.runJobs(lost);
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  /** Nine in the morning of {@code day}, server time; each start a minute later. */
  private void at(String day) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.parse(day).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
  }

  private String start(Map<String, Object> variables) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    driver.start(variables);
    return (String) variables.get(OpportunityVariables.OPPORTUNITY_ID);
  }

  private static Map<String, Object> lowComplexity(long value, String tier) {
    Map<String, Object> variables =
        OpportunityDriver.keyAccount(OpportunityDriver.newOpportunityId());
    variables.put(OpportunityVariables.TECHNICAL_COMPLEXITY, "LOW");
    variables.put(OpportunityVariables.ESTIMATED_VALUE, value);
    variables.put(OpportunityVariables.CUSTOMER_TIER, tier);
    return variables;
  }

  @Test
  void aRaisedThresholdChangesTheOpportunitiesThatOnlyItMadeMandatory() throws Exception {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    long decisions = engine.getRepositoryService().createDecisionDefinitionQuery().count();

    HttpResponse<String> answer =
        impact.preview("techParticipation", "olivia", raisedThreshold(), TECH_DAY, TECH_DAY);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode preview = JSON.readTree(answer.body());
    assertThat(preview.get("evaluations").asInt()).isEqualTo(5);
    assertThat(preview.get("changed").asInt()).isEqualTo(3);
    assertThat(preview.get("notReplayed").asInt()).isZero();
    JsonNode changes = preview.get("changes");
    assertThat(texts(changes, "opportunityId"))
        .containsExactly(largeStandard, largeStrategic, veryLarge);
    assertThat(changes.get(0).get("opportunityId").asText()).isEqualTo(largeStandard);
    assertThat(changes.get(0).at("/before/techParticipation").asText()).isEqualTo("MANDATORY");
    assertThat(changes.get(0).at("/before/techParticipationReason").asText())
        .startsWith("The estimated value is 5,000,000 CNY or more");
    assertThat(changes.get(0).at("/after/techParticipation").asText()).isEqualTo("NONE");
    assertThat(changes.get(0).at("/after/techParticipationReason").asText())
        .startsWith("No threshold is reached");
    assertThat(changes.get(1).get("opportunityId").asText()).isEqualTo(largeStrategic);
    assertThat(changes.get(1).at("/before/techParticipation").asText()).isEqualTo("MANDATORY");
    assertThat(changes.get(1).at("/after/techParticipation").asText()).isEqualTo("ADVISORY");
    assertThat(changes.get(1).at("/inputs/Input_EstimatedValue").asDouble()).isEqualTo(6_000_000);
    assertThat(changes.get(1).get("changedOutputs").toString())
        .isEqualTo("[\"techParticipation\",\"techParticipationReason\"]");
    // 9,000,000 stays MANDATORY by rule 4, which now gives another reason.
    assertThat(changes.get(2).at("/before/techParticipation").asText()).isEqualTo("MANDATORY");
    assertThat(changes.get(2).at("/after/techParticipation").asText()).isEqualTo("MANDATORY");
    assertThat(changes.get(2).at("/after/techParticipationReason").asText())
        .startsWith("The estimated value is 8,000,000 CNY or more");
    assertThat(changes.get(2).get("changedOutputs").toString())
        .isEqualTo("[\"techParticipationReason\"]");
    assertThat(preview.get("outputs").get(0).get("label").asText())
        .isEqualTo("Tech participation / 技术参与");
    assertThat(preview.get("money").isNull()).isTrue();

    // The day before is in a longer period, with its own change.
    JsonNode longer =
        JSON.readTree(
            impact
                .preview("techParticipation", "olivia", raisedThreshold(), DAY_BEFORE, TECH_DAY)
                .body());
    assertThat(longer.get("evaluations").asInt()).isEqualTo(6);
    assertThat(longer.get("changed").asInt()).isEqualTo(4);

    // The table as deployed changes nothing.
    JsonNode unchanged =
        JSON.readTree(
            impact
                .preview(
                    "techParticipation",
                    "olivia",
                    ImpactRequests.edited("techParticipation"),
                    TECH_DAY,
                    TECH_DAY)
                .body());
    assertThat(unchanged.get("evaluations").asInt()).isEqualTo(5);
    assertThat(unchanged.get("changed").asInt()).isZero();

    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .as("nothing deployed")
        .isEqualTo(deployments);
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count())
        .isEqualTo(decisions);
  }

  @Test
  void aRicherPolicyChangesBonusesPoolsAndFreeRidersToTheCent() throws Exception {
    byte[] policy =
        ImpactRequests.edited(
            "incentivePolicy",
            "<outputEntry id=\"Rule_PriorityB_PoolRate\"><text>0.02</text>",
            "<outputEntry id=\"Rule_PriorityB_PoolRate\"><text>0.025</text>",
            "<outputEntry id=\"Rule_PriorityB_FreeRider\"><text>2.5</text>",
            "<outputEntry id=\"Rule_PriorityB_FreeRider\"><text>2.0</text>");

    HttpResponse<String> answer =
        impact.preview("incentivePolicy", "olivia", policy, MONEY_DAY, MONEY_DAY);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode preview = JSON.readTree(answer.body());
    assertThat(preview.get("evaluations").asInt()).isEqualTo(2);
    assertThat(preview.get("changed").asInt()).isEqualTo(2);
    assertThat(texts(preview.get("changes"), "opportunityId")).containsExactly(delivered, lost);
    assertThat(preview.get("changes").get(0).get("changedOutputs").toString())
        .isEqualTo("[\"poolRate\",\"freeRiderThreshold\"]");
    JsonNode money = preview.get("money");
    assertThat(money.get("statements").asInt()).isEqualTo(2);
    assertThat(money.get("changedStatements").asInt()).isEqualTo(2);
    assertThat(money.get("notRecomputed")).isEmpty();

    // The pool grows by a quarter: 40,000.00 to 50,000.00, by the shares 50/35/15; no KPI credit
    // or loss moves.
    assertThat(figures(money.get("departments"), "department", "SALES"))
        .containsExactly(
            "1000000.00",
            "1000000.00",
            "0.00",
            "20000.00",
            "25000.00",
            "5000.00",
            "3529.41",
            "3529.41",
            "0.00");
    assertThat(figures(money.get("departments"), "department", "TECH"))
        .containsExactly(
            "700000.00",
            "700000.00",
            "0.00",
            "14000.00",
            "17500.00",
            "3500.00",
            "5294.12",
            "5294.12",
            "0.00");
    assertThat(figures(money.get("departments"), "department", "DELIVERY"))
        .containsExactly(
            "300000.00",
            "300000.00",
            "0.00",
            "6000.00",
            "7500.00",
            "1500.00",
            "1176.47",
            "1176.47",
            "0.00");
    // sam (2.25) is no free rider at 2.0: SALES's 25,000.00 is shared 19:9 with alice (4.75), on
    // the delivery, and neither statement flags him.
    assertThat(figures(money.get("people"), "userId", "alice"))
        .containsExactly(
            "SALES", "20000.00", "16964.29", "-3035.71", "1", "1", "18", "18", "0", "0", "0");
    assertThat(figures(money.get("people"), "userId", "sam"))
        .containsExactly("SALES", "0.00", "8035.71", "8035.71", "0", "0", "0", "0", "0", "2", "0");
    assertThat(figures(money.get("people"), "userId", "bob"))
        .containsExactly(
            "TECH", "14000.00", "17500.00", "3500.00", "1", "1", "18", "18", "0", "0", "0");
    assertThat(figures(money.get("people"), "userId", "carol"))
        .containsExactly(
            "DELIVERY", "6000.00", "7500.00", "1500.00", "0", "0", "4", "4", "0", "0", "0");
    JsonNode lossChange = money.get("changes").get(1);
    assertThat(lossChange.get("opportunityId").asText()).isEqualTo(lost);
    assertThat(lossChange.get("kind").asText()).isEqualTo("LOSS");
    assertThat(lossChange.get("departments")).isEmpty();
    assertThat(texts(lossChange.get("people"), "userId")).containsExactly("sam");
  }

  @Test
  void aPolicyTheCalculationRefusesIsABadFile() throws Exception {
    byte[] policy =
        ImpactRequests.edited(
            "incentivePolicy",
            "<outputEntry id=\"Rule_PriorityB_PoolRate\"><text>0.02</text>",
            "<outputEntry id=\"Rule_PriorityB_PoolRate\"><text>1.5</text>");

    HttpResponse<String> answer =
        impact.preview("incentivePolicy", "olivia", policy, MONEY_DAY, MONEY_DAY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("message").asText())
        .isEqualTo(
            "file: the incentive calculation refuses the edited policy: incentivePolicy: poolRate"
                + " must be from 0 to 1, got 1.5");
  }

  @Test
  void theMoneyIsForThoseWhoReadConfidentialAnswers() {
    LocalDate day = LocalDate.parse(MONEY_DAY);
    byte[] policy = ImpactRequests.edited("incentivePolicy");
    ImpactPreview preview = new ImpactPreview(evaluations, statements, 100);
    try {
      for (String group : List.of("camunda-admin", "process-owners")) {
        signIn(group);
        assertThat(preview.preview("incentivePolicy", policy, day, day).money()).isNotNull();
      }
      // the rule is Confidential's: a group the controller never lets through is refused here too
      signIn("sales");
      assertThatThrownBy(() -> preview.preview("incentivePolicy", policy, day, day))
          .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
      assertThat(org.opencollab.confidential.Confidential.mayRead(Set.of("sales"))).isFalse();
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
      assertThatThrownBy(() -> preview.preview("incentivePolicy", policy, day, day))
          .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }

  private static void signIn(String group) {
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(
            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(
                    new org.opencollab.security.SignedInUser("someone", Set.of(group)),
                    null,
                    List.of()));
  }

  @Test
  void aPeriodWithMoreEvaluationsThanAPreviewReplaysIsRefused() {
    // the tech day holds five evaluations of techParticipation
    ImpactPreview fewer = new ImpactPreview(evaluations, statements, 4);
    LocalDate day = LocalDate.parse(TECH_DAY);
    assertThatThrownBy(() -> fewer.preview("techParticipation", raisedThreshold(), day, day))
        .isInstanceOf(InvalidDecisionFile.class)
        .hasMessage(
            "from: the period holds more than 4 evaluations of techParticipation, more than one"
                + " preview replays: choose a shorter period");
    assertThat(
            new ImpactPreview(evaluations, statements, 5)
                .preview("techParticipation", raisedThreshold(), day, day)
                .evaluations())
        .isEqualTo(5);
  }

  @Test
  void evaluationsOfOneMillisecondAreEachReadOnceAcrossPages() {
    String day = "2018-08-01";
    at(day);
    Map<String, Object> inputs = lowComplexity(6_000_000L, "STANDARD");
    for (int i = 0; i < 11; i++) {
      engine.getDecisionService().evaluateDecisionTableByKey("techParticipation", inputs);
    }
    ClockUtil.reset();
    List<String> read = new java.util.ArrayList<>();
    Instant start = LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).toInstant();
    new RecordedEvaluations(engine, 3)
        .each(
            "techParticipation",
            start,
            start.plus(java.time.Duration.ofDays(1)),
            recorded -> read.add(recorded.id()));
    assertThat(read).hasSize(11).doesNotHaveDuplicates();
  }

  /** The figures of the row whose {@code key} is {@code value}, after that field, as texts. */
  static List<String> figures(JsonNode rows, String key, String value) {
    for (JsonNode row : rows) {
      if (row.get(key).asText().equals(value)) {
        List<String> figures = new java.util.ArrayList<>();
        row.fields()
            .forEachRemaining(
                field -> {
                  if (!field.getKey().equals(key)) {
                    figures.add(field.getValue().asText());
                  }
                });
        return figures;
      }
    }
    throw new AssertionError("no row with " + key + " " + value + " in " + rows);
  }

  static List<String> texts(JsonNode array, String field) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(node -> node.get(field).asText())
        .toList();
  }
}
