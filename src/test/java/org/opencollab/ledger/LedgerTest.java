package org.opencollab.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger (docs/auditors.md, "The ledger"): each approved incentive statement and each loss
 * statement written once, with the approval or the allocation, even when that transaction fails and
 * runs again or a process owner runs the step again; its totals equal the statements to the cent;
 * and who may read it; the entries that make up each figure add up to it. Its statements are
 * recorded on 10 March 2020 (the engine's clock), so the totals of that day are theirs alone. The
 * day is in the past, so that nothing these tests write is the latest in the history that other
 * tests of the shared context read. Known entries written straight into the ledger on either side
 * of the night from January to February 2020 (server time) show the months.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerTest {

  private static final String DAY = "2020-03-10";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  @Autowired ProcessEngine engine;
  @Autowired PlatformTransactionManager transactions;
  @Autowired javax.sql.DataSource dataSource;
  @LocalServerPort int port;

  OpportunityDriver driver;
  RestClient rest;
  String delivered;
  String deliveredAgain;
  String lost;
  ProcessInstance lostInstance;

  @BeforeAll
  void threeStatementsOnOneDay() {
    driver = new OpportunityDriver(engine);
    rest = new RestClient("http://localhost:" + port);
    ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T09:00:00Z")));

    delivered = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(delivered);
    driver.runJobs(delivered);
    // The committee's approval fails before it commits (the node dies): no entry, the task stays.
    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          driver.complete(
                              delivered, "ApproveIncentives", "incentivesApproved", true);
                          throw new IllegalStateException("the node dies before the commit");
                        }))
        .hasMessageContaining("dies");
    assertThat(entries(delivered)).isZero();
    driver.complete(delivered, "ApproveIncentives", "incentivesApproved", true);

    deliveredAgain = OpportunityDriver.newOpportunityId();
    driver.deliverWorkedExampleUntilApproval(deliveredAgain);
    driver.runJobs(deliveredAgain);
    driver.complete(deliveredAgain, "ApproveIncentives", "incentivesApproved", true);

    lost = OpportunityDriver.newOpportunityId();
    lostInstance = driver.loseWorkedExampleUntilAllocation(lost);

    knownEntriesAroundTheFirstOfFebruary();
  }

  /**
   * Three entries in server time: a loss at the first minute of January, an incentive at 23:30 on
   * 31 January, a loss at 00:30 on 1 February.
   */
  private void knownEntriesAroundTheFirstOfFebruary() {
    JdbcTemplate ledger = new JdbcTemplate(dataSource);
    entry(ledger, Ledger.LOSS, "LEDGER-JAN-1", "2020-01-01T00:00:00", "0.01");
    ledger.update(
        "INSERT INTO COLLAB_LEDGER_DEPARTMENT VALUES ('LOSS:LEDGER-JAN-1', 'SALES', 0, 0, 0.01)");
    entry(ledger, Ledger.INCENTIVE, "LEDGER-JAN-31", "2020-01-31T23:30:00", "2000.00");
    ledger.update(
        "INSERT INTO COLLAB_LEDGER_DEPARTMENT VALUES"
            + " ('INCENTIVE:LEDGER-JAN-31', 'SALES', 1000.10, 100.01, 0),"
            + " ('INCENTIVE:LEDGER-JAN-31', 'TECH', 999.90, 99.99, 0)");
    ledger.update(
        "INSERT INTO COLLAB_LEDGER_PERSON VALUES"
            + " ('INCENTIVE:LEDGER-JAN-31', 'alice', 'SALES', 50.01, TRUE, 10, FALSE),"
            + " ('INCENTIVE:LEDGER-JAN-31', 'bob', 'TECH', 50.01, FALSE, 10, FALSE)");
    entry(ledger, Ledger.LOSS, "LEDGER-FEB-1", "2020-02-01T00:30:00", "500.55");
    ledger.update(
        "INSERT INTO COLLAB_LEDGER_DEPARTMENT VALUES"
            + " ('LOSS:LEDGER-FEB-1', 'SALES', 0, 0, 300.33),"
            + " ('LOSS:LEDGER-FEB-1', 'TECH', 0, 0, 200.22)");
  }

  private static void entry(
      JdbcTemplate ledger, String kind, String opportunityId, String recorded, String amount) {
    ledger.update(
        "INSERT INTO COLLAB_LEDGER_ENTRY (ENTRY_ID_, KIND_, OPPORTUNITY_ID_, PROC_INST_ID_,"
            + " RECORDED_, AMOUNT_) VALUES (?, ?, ?, 'none', ?, ?)",
        kind + ":" + opportunityId,
        kind,
        opportunityId,
        Timestamp.valueOf(LocalDateTime.parse(recorded)),
        new BigDecimal(amount));
  }

  @BeforeEach
  void onTheDay() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T17:00:00Z")));
  }

  @AfterEach
  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void aRetriedAllocationAndARepairWriteTheLossOnce() {
    Job allocation = allocationJob();
    // The job runs, and its transaction rolls back before it commits, entry and all.
    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          engine.getManagementService().executeJob(allocation.getId());
                          throw new IllegalStateException("the node dies before the commit");
                        }))
        .hasMessageContaining("dies");
    assertThat(entries(lost)).isZero();
    assertThat(allocationJob().getId()).isEqualTo(allocation.getId());

    engine.getManagementService().executeJob(allocation.getId());
    assertThat(entries(lost)).isOne();

    // A process owner runs the allocation again: the statement is in the ledger already.
    engine
        .getRuntimeService()
        .createProcessInstanceModification(lostInstance.getId())
        .startBeforeActivity("AllocateLoss")
        .execute();
    engine.getManagementService().executeJob(allocationJob().getId());
    assertThat(entries(lost)).isOne();
    assertThat(departmentLines(lost)).isEqualTo(3);
    assertThat(personLines(lost)).as("one line per rated member, once").isEqualTo(4);
    driver
        .tasks(lost, "HoldRetrospective")
        .forEach(task -> driver.complete(task, "lessonsLearned", "Qualify the budget earlier"));
  }

  @Test
  void approvedStatementsAreInTheLedgerOnce() {
    assertThat(entries(delivered)).isOne();
    assertThat(entries(deliveredAgain)).isOne();
  }

  @Test
  @Order(2)
  void totalsEqualTheStatementsToTheCent() throws Exception {
    Map<String, BigDecimal[]> expected = new TreeMap<>();
    for (String id : List.of(delivered, deliveredAgain)) {
      for (JsonNode line : statement(id, "incentiveStatement").get("departments")) {
        BigDecimal[] sums =
            expected.computeIfAbsent(line.get("department").asText(), key -> zeros());
        sums[0] = sums[0].add(new BigDecimal(line.get("kpiCredit").asText()));
        sums[1] = sums[1].add(new BigDecimal(line.get("pool").asText()));
      }
    }
    for (JsonNode line : statement(lost, "lossStatement").get("departments")) {
      expected.computeIfAbsent(line.get("department").asText(), key -> zeros())[2] =
          expected.get(line.get("department").asText())[2].add(
              new BigDecimal(line.get("loss").asText()));
    }

    JsonNode departments =
        read(ok(get("/api/ledger/departments?from=" + DAY + "&to=" + DAY, "ivan")));
    assertThat(departments.get("departments")).hasSize(expected.size());
    for (JsonNode row : departments.get("departments")) {
      BigDecimal[] sums = expected.get(row.get("department").asText());
      assertThat(row.get("kpiCredit").asText()).isEqualTo(sums[0].toPlainString());
      assertThat(row.get("pool").asText()).isEqualTo(sums[1].toPlainString());
      assertThat(row.get("loss").asText()).isEqualTo(sums[2].toPlainString());
      assertThat(row.get("incentiveStatements").asInt()).isEqualTo(2);
      assertThat(row.get("lossStatements").asInt()).isEqualTo(1);
    }
    assertThat(departments.at("/departments/0/kpiCredit").asText()).isEqualTo("600000.00");
    assertThat(departments.at("/departments/1/kpiCredit").asText()).isEqualTo("2000000.00");

    JsonNode people = read(ok(get("/api/ledger/people?from=" + DAY + "&to=" + DAY, "frank")));
    assertThat(people.get("people"))
        .extracting(
            row -> row.get("userId").asText(),
            row -> row.get("bonus").asText(),
            row -> row.get("stars").asInt(),
            row -> row.get("promotionPoints").asInt(),
            row -> row.get("freeRiderFlags").asInt())
        .containsExactly(
            // Each delivery: alice and bob a star (10) and two departments supported (2 each);
            // the loss: the support points again, and sam a free rider on every outcome.
            org.assertj.core.groups.Tuple.tuple("alice", "40000.00", 2, 32, 0),
            org.assertj.core.groups.Tuple.tuple("bob", "28000.00", 2, 32, 0),
            org.assertj.core.groups.Tuple.tuple("carol", "12000.00", 0, 6, 0),
            org.assertj.core.groups.Tuple.tuple("sam", "0.00", 0, 0, 3));

    // The CSV: UTF-8 with a byte-order mark, amounts and counts unquoted numbers.
    HttpResponse<byte[]> csv =
        rest.getBytes("/api/ledger/departments?from=" + DAY + "&to=" + DAY, "erin", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse(""))
        .isEqualToIgnoringCase("text/csv;charset=utf-8");
    assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines =
        new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0])
        .isEqualTo("department,incentiveStatements,lossStatements,kpiCredit,pool,loss");
    assertThat(lines)
        .contains("SALES,2,1,2000000.00,40000.00," + expected.get("SALES")[2].toPlainString());
    HttpResponse<byte[]> peopleCsv =
        rest.getBytes("/api/ledger/people?from=" + DAY + "&to=" + DAY, "erin", "text/csv");
    assertThat(new String(peopleCsv.body(), StandardCharsets.UTF_8).split("\r\n"))
        .anySatisfy(line -> assertThat(line).startsWith("sam,SALES,").endsWith(",0.00,0,0,3"));
  }

  @Test
  void aPersonReadsTheirOwnRowOnly() throws Exception {
    JsonNode own = read(ok(get("/api/ledger/people?from=" + DAY + "&to=" + DAY, "alice")));
    assertThat(own.get("people"))
        .extracting(row -> row.get("userId").asText())
        .containsOnly("alice");
    assertThat(get("/api/ledger/people?userId=bob", "alice").statusCode()).isEqualTo(403);
    assertThat(get("/api/ledger/departments", "alice").statusCode()).isEqualTo(403);
    assertThat(read(ok(get("/api/ledger/people", "dave"))).get("people")).isEmpty();
    assertThat(get("/api/ledger/departments", null).statusCode()).isEqualTo(401);
    HttpResponse<String> badDay = get("/api/ledger/departments?from=10.03.2031", "ivan");
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).contains("from: must be a day written yyyy-MM-dd");
    assertThat(get("/api/ledger/people?from=2031-03-11&to=2031-03-10", "ivan").statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(3)
  void theEntriesOfEachFigureAddUpToItToTheCent() throws Exception {
    String day = "from=" + DAY + "&to=" + DAY;
    JsonNode departments = read(ok(get("/api/ledger/departments?" + day, "ivan")));
    for (JsonNode row : departments.get("departments")) {
      String department = row.get("department").asText();
      JsonNode traced =
          read(ok(get("/api/ledger/entries?" + day + "&department=" + department, "ivan")));
      assertThat(traced.get("entries"))
          .extracting(entry -> entry.get("opportunityId").asText())
          .containsExactlyInAnyOrder(delivered, deliveredAgain, lost);
      for (String figure : List.of("kpiCredit", "pool", "loss")) {
        assertThat(traced.at("/total/" + figure).asText())
            .as(department + " " + figure)
            .isEqualTo(row.get(figure).asText())
            .isEqualTo(sum(traced.get("entries"), figure));
      }
      assertThat(traced.at("/total/incentiveStatements").asInt()).isEqualTo(2);
      assertThat(traced.at("/total/lossStatements").asInt()).isEqualTo(1);
    }

    JsonNode people = read(ok(get("/api/ledger/people?" + day, "ivan")));
    assertThat(people.get("people")).hasSize(4);
    for (JsonNode row : people.get("people")) {
      String filter =
          "&userId=" + row.get("userId").asText() + "&department=" + row.get("department").asText();
      JsonNode traced = read(ok(get("/api/ledger/entries?" + day + filter, "ivan")));
      assertThat(traced.get("entries"))
          .extracting(
              entry -> entry.get("opportunityId").asText(), entry -> entry.get("kind").asText())
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(delivered, "INCENTIVE"),
              org.assertj.core.groups.Tuple.tuple(deliveredAgain, "INCENTIVE"),
              org.assertj.core.groups.Tuple.tuple(lost, "LOSS"));
      assertThat(traced.at("/total/bonus").asText())
          .isEqualTo(row.get("bonus").asText())
          .isEqualTo(sum(traced.get("entries"), "bonus"));
      for (String figure : List.of("statements", "stars", "promotionPoints", "freeRiderFlags")) {
        assertThat(traced.at("/total/" + figure).asInt())
            .as(row.get("userId").asText() + " " + figure)
            .isEqualTo(row.get(figure).asInt());
      }
    }

    // A person traces their own row.
    JsonNode own = read(ok(get("/api/ledger/entries?" + day + "&userId=alice", "alice")));
    assertThat(own.at("/total/bonus").asText()).isEqualTo("40000.00");
    assertThat(own.at("/total/department").asText()).isEqualTo("SALES");

    // The CSV: one line per entry, amounts as numbers.
    HttpResponse<byte[]> csv =
        rest.getBytes("/api/ledger/entries?" + day + "&department=SALES", "ivan", "text/csv");
    String[] lines =
        new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).isEqualTo("opportunityId,kind,recorded,department,kpiCredit,pool,loss");
    assertThat(lines).hasSize(4).anySatisfy(line -> assertThat(line).startsWith(lost + ",LOSS,"));
  }

  @Test
  void theMonthsAddUpEachDepartmentInServerTime() throws Exception {
    JsonNode months = read(ok(get("/api/ledger/months?from=2020-01-01&to=2020-02-29", "erin")));
    assertThat(months.get("months"))
        .extracting(
            row -> row.get("month").asText(),
            row -> row.get("department").asText(),
            row -> row.get("kpiCredit").asText(),
            row -> row.get("pool").asText(),
            row -> row.get("loss").asText(),
            row -> row.get("incentiveStatements").asInt(),
            row -> row.get("lossStatements").asInt())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "2020-01", "SALES", "1000.10", "100.01", "0.01", 1, 1),
            org.assertj.core.groups.Tuple.tuple("2020-01", "TECH", "999.90", "99.99", "0.00", 1, 0),
            org.assertj.core.groups.Tuple.tuple("2020-02", "SALES", "0.00", "0.00", "300.33", 0, 1),
            org.assertj.core.groups.Tuple.tuple("2020-02", "TECH", "0.00", "0.00", "200.22", 0, 1));

    // A month's bar counts only the period's part of the month, and so do its entries.
    JsonNode late = read(ok(get("/api/ledger/months?from=2020-01-15&to=2020-02-29", "erin")));
    assertThat(late.at("/months/0/loss").asText()).isEqualTo("0.00");
    assertThat(late.at("/months/0/lossStatements").asInt()).isZero();
    JsonNode traced =
        read(
            ok(
                get(
                    "/api/ledger/entries?from=2020-01-15&to=2020-02-29&department=SALES"
                        + "&month=2020-01",
                    "erin")));
    assertThat(traced.get("entries"))
        .extracting(entry -> entry.get("opportunityId").asText())
        .containsExactly("LEDGER-JAN-31");
    assertThat(traced.at("/total/kpiCredit").asText()).isEqualTo("1000.10");
    assertThat(traced.at("/total/loss").asText()).isEqualTo("0.00");
    JsonNode february = read(ok(get("/api/ledger/entries?department=TECH&month=2020-02", "erin")));
    assertThat(february.at("/total/loss").asText()).isEqualTo("200.22");
    assertThat(february.at("/entries/0/recorded").asText())
        .isEqualTo(
            Timestamp.valueOf(LocalDateTime.parse("2020-02-01T00:30:00")).toInstant().toString());
  }

  @Test
  void oversightSeesPeoplesPlacesAndAPersonTheirRowWithout() throws Exception {
    String january = "/api/ledger/people?from=2020-01-01&to=2020-01-31";
    // Equal bonus and promotion points: alice's star puts her first.
    assertThat(read(ok(get(january, "ivan"))).get("people"))
        .extracting(row -> row.get("userId").asText(), row -> row.get("rank").asInt())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", 1),
            org.assertj.core.groups.Tuple.tuple("bob", 2));
    assertThat(read(ok(get(january + "&userId=bob", "ivan"))).at("/people/0/rank").asInt())
        .isEqualTo(2);
    JsonNode own = read(ok(get(january, "bob"))).at("/people/0");
    assertThat(own.get("bonus").asText()).isEqualTo("50.01");
    assertThat(own.has("rank")).isFalse();
  }

  @Test
  void aPersonTracesTheirOwnFiguresOnly() throws Exception {
    String day = "/api/ledger/entries?from=" + DAY + "&to=" + DAY;
    assertThat(read(ok(get(day + "&userId=bob&department=TECH", "bob"))).get("entries"))
        .isNotEmpty()
        .allSatisfy(entry -> assertThat(entry.get("userId").asText()).isEqualTo("bob"));
    assertThat(get(day + "&userId=alice", "bob").statusCode()).isEqualTo(403);
    assertThat(get(day + "&department=TECH", "bob").statusCode()).isEqualTo(403);
    assertThat(get("/api/ledger/months", "bob").statusCode()).isEqualTo(403);
    assertThat(get(day + "&userId=bob", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/ledger/months", null).statusCode()).isEqualTo(401);

    HttpResponse<String> unknown = get(day + "&department=LEGAL", "ivan");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("department: must be one of");
    HttpResponse<String> badMonth = get(day + "&department=SALES&month=2020-13", "ivan");
    assertThat(badMonth.statusCode()).isEqualTo(400);
    assertThat(badMonth.body()).contains("month: must be a month written yyyy-MM");
    assertThat(get(day, "ivan").body()).contains("department or userId");
    HttpResponse<String> badDay = get("/api/ledger/months?to=31.03.2020", "ivan");
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).contains("to: must be a day written yyyy-MM-dd");
  }

  @Test
  void theLatestHealthReportIsForOversightOnly() throws Exception {
    ClockUtil.reset();
    ProcessInstance check =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("collaborationHealthCheck", Map.of("periodDays", 7));
    Job assessment =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(check.getId())
            .singleResult();
    engine.getManagementService().executeJob(assessment.getId());

    JsonNode latest = read(ok(get("/api/collaboration-health/latest", "olivia")));
    assertThat(latest.get("processInstanceId").asText()).isEqualTo(check.getId());
    assertThat(latest.at("/period/days").asInt()).isEqualTo(7);
    assertThat(latest.get("maturity")).hasSize(3);
    assertThat(get("/api/collaboration-health/latest", "alice").statusCode()).isEqualTo(403);
    assertThat(get("/api/collaboration-health/latest", null).statusCode()).isEqualTo(401);
    engine.getRuntimeService().deleteProcessInstance(check.getId(), "test done");
  }

  private Job allocationJob() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(lostInstance.getId())
        .activityId("AllocateLoss")
        .singleResult();
  }

  private int entries(String opportunityId) {
    return new JdbcTemplate(dataSource)
        .queryForObject(
            "SELECT COUNT(*) FROM COLLAB_LEDGER_ENTRY WHERE OPPORTUNITY_ID_ = ?",
            Integer.class,
            opportunityId);
  }

  private int personLines(String opportunityId) {
    return new JdbcTemplate(dataSource)
        .queryForObject(
            "SELECT COUNT(*) FROM COLLAB_LEDGER_PERSON P JOIN COLLAB_LEDGER_ENTRY E"
                + " ON E.ENTRY_ID_ = P.ENTRY_ID_ WHERE E.OPPORTUNITY_ID_ = ?",
            Integer.class,
            opportunityId);
  }

  private int departmentLines(String opportunityId) {
    return new JdbcTemplate(dataSource)
        .queryForObject(
            "SELECT COUNT(*) FROM COLLAB_LEDGER_DEPARTMENT D JOIN COLLAB_LEDGER_ENTRY E"
                + " ON E.ENTRY_ID_ = D.ENTRY_ID_ WHERE E.OPPORTUNITY_ID_ = ?",
            Integer.class,
            opportunityId);
  }

  private JsonNode statement(String opportunityId, String name) throws Exception {
    String instance =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(opportunityId)
            .processDefinitionKey("opportunityToDelivery")
            .singleResult()
            .getId();
    Object value =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance)
            .variableName(name)
            .singleResult()
            .getValue();
    return JSON.readTree(value.toString());
  }

  private static String sum(JsonNode entries, String figure) {
    BigDecimal sum = new BigDecimal("0.00");
    for (JsonNode entry : entries) {
      sum = sum.add(new BigDecimal(entry.get(figure).asText()));
    }
    return sum.toPlainString();
  }

  private static BigDecimal[] zeros() {
    BigDecimal zero = new BigDecimal("0.00");
    return new BigDecimal[] {zero, zero, zero};
  }

  private HttpResponse<String> get(String path, String user) {
    return rest.get(path, user);
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode read(String body) throws Exception {
    return JSON.readTree(body);
  }
}
