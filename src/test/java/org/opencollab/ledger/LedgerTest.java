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
import java.time.Instant;
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
 * and who may read it. Its entries are recorded on 10 March 2020 (the engine's clock), so the
 * totals of that day are theirs alone. The day is in the past, so that nothing these tests write is
 * the latest in the history that other tests of the shared context read.
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
            org.assertj.core.groups.Tuple.tuple("alice", "40000.00", 2, 20, 0),
            org.assertj.core.groups.Tuple.tuple("bob", "28000.00", 2, 20, 0),
            org.assertj.core.groups.Tuple.tuple("carol", "12000.00", 0, 0, 0),
            org.assertj.core.groups.Tuple.tuple("sam", "0.00", 0, 0, 2));

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
        .anySatisfy(line -> assertThat(line).startsWith("sam,SALES,").endsWith(",0.00,0,0,2"));
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
