package org.opencollab.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.loss.DepartmentInput;
import org.opencollab.loss.LossAllocator;
import org.opencollab.loss.LossInput;
import org.opencollab.loss.LossStatement;
import org.opencollab.support.TestProcesses;
import org.opencollab.variables.JsonVariables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delegates {@code calculateIncentives} and {@code allocateLoss} as a process runs them: policy
 * from DMN, variables in, Json statements out; bad input fails naming the variable and writes
 * nothing.
 */
@ApplicationTest
class MoneyDelegatesTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void deployProbe() {
    TestProcesses.deployOnce(repositoryService, "incentiveDelegatesProbe");
  }

  @Test
  void incentiveStatementOfTheWorkedExampleIsWrittenAsJsonWithAmountsAsStrings() {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            "incentiveDelegatesProbe", workedExampleVariables());
    runAsyncJob(instance);

    SpinJsonNode statement =
        (SpinJsonNode) runtimeService.getVariable(instance.getId(), "incentiveStatement");
    assertThat(statement.prop("bonusPool").stringValue()).isEqualTo("40000.00");
    assertThat(statement.prop("poolRate").stringValue()).isEqualTo("0.02");
    assertThat(statement.prop("unallocated").stringValue()).isEqualTo("0.00");
    assertThat(statement.prop("departments").elements().get(1).prop("kpiCredit").stringValue())
        .isEqualTo("1000000.00");
    SpinJsonNode sam = statement.prop("members").elements().get(3);
    assertThat(sam.prop("userId").stringValue()).isEqualTo("sam");
    assertThat(sam.prop("freeRider").boolValue()).isTrue();
    assertThat(sam.prop("bonus").stringValue()).isEqualTo("0.00");
    assertThat(sam.prop("peerScore").stringValue()).isEqualTo("2.33");
  }

  @Test
  void statementRoundTripsThroughTheJsonVariableUnchanged() {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            "incentiveDelegatesProbe", workedExampleVariables());
    runAsyncJob(instance);

    Object stored = runtimeService.getVariable(instance.getId(), "incentiveStatement");
    IncentiveStatement readBack = JsonVariables.read(stored, IncentiveStatement.class);
    assertThat(readBack)
        .isEqualTo(
            new IncentiveCalculator()
                .calculate(
                    IncentiveCalculatorTest.workedExample(IncentiveCalculatorTest.PRIORITY_B_360)));
  }

  @Test
  void missingRevenueFailsNamingTheVariableAndWritesNothing() {
    Map<String, Object> variables = workedExampleVariables();
    variables.remove("realizedRevenue");
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("incentiveDelegatesProbe", variables);

    assertThatThrownBy(() -> runAsyncJob(instance))
        .hasMessageContaining("realizedRevenue: is required");
    assertThat(runtimeService.getVariable(instance.getId(), "incentiveStatement")).isNull();
  }

  @Test
  void revenueWithFractionsOfACentIsRefused() {
    Map<String, Object> variables = workedExampleVariables();
    variables.put("realizedRevenue", 2000000.005);
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("incentiveDelegatesProbe", variables);

    assertThatThrownBy(() -> runAsyncJob(instance))
        .hasMessageContaining("realizedRevenue: must have at most two decimal places");
    assertThat(runtimeService.getVariable(instance.getId(), "incentiveStatement")).isNull();
  }

  @Test
  void malformedRatingsAreRefusedNamingTheVariable() {
    Map<String, Object> variables = workedExampleVariables();
    variables.put("peerRatings", SpinValues.jsonValue("{\"alice\": {\"bob\": \"five\"}}").create());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("incentiveDelegatesProbe", variables);

    assertThatThrownBy(() -> runAsyncJob(instance))
        .hasMessageContaining("peerRatings: alice.bob must be a whole number");
    assertThat(runtimeService.getVariable(instance.getId(), "incentiveStatement")).isNull();
  }

  @Test
  void lossStatementIsWrittenByInputHoursAndRoundTripsUnchanged() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("opportunityId", "OPP-LOSS-1");
    variables.put("lossAmount", 90000L);
    variables.put(
        "departmentShares",
        SpinValues.jsonValue("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}").create());
    variables.put(
        "departmentInputs",
        SpinValues.jsonValue(
                "{\"SALES\": {\"hours\": 120, \"cost\": 30000},"
                    + " \"TECH\": {\"hours\": 200, \"cost\": 80000.5}, \"DELIVERY\": {\"hours\": 40, \"cost\": 9000}}")
            .create());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("lossDelegateProbe", variables);
    runAsyncJob(instance);

    Object stored = runtimeService.getVariable(instance.getId(), "lossStatement");
    LossStatement statement = JsonVariables.read(stored, LossStatement.class);
    assertThat(statement)
        .isEqualTo(
            new LossAllocator()
                .allocate(
                    new LossInput(
                        "OPP-LOSS-1",
                        new BigDecimal("90000"),
                        new TreeMap<>(Map.of("SALES", 50, "TECH", 35, "DELIVERY", 15)),
                        new TreeMap<>(
                            Map.of(
                                "SALES",
                                    new DepartmentInput(
                                        new BigDecimal("120"), new BigDecimal("30000")),
                                "TECH",
                                    new DepartmentInput(
                                        new BigDecimal("200"), new BigDecimal("80000.5")),
                                "DELIVERY",
                                    new DepartmentInput(
                                        new BigDecimal("40"), new BigDecimal("9000")))))));
    assertThat(statement.basis()).isEqualTo("INPUT_HOURS");
    assertThat(statement.lossAmount()).isEqualTo("90000.00");
    assertThat(statement.departments())
        .extracting(LossStatement.DepartmentLoss::loss)
        .containsExactly(
            new BigDecimal("10000.00"), new BigDecimal("30000.00"), new BigDecimal("50000.00"));
    assertThat(
            ((SpinJsonNode) stored)
                .prop("departments")
                .elements()
                .get(2)
                .prop("inputCost")
                .stringValue())
        .isEqualTo("80000.50");
  }

  @Test
  void negativeLossIsRefusedNamingTheVariable() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("opportunityId", "OPP-LOSS-2");
    variables.put("lossAmount", -1L);
    variables.put("departmentShares", SpinValues.jsonValue("{\"SALES\": 100}").create());
    variables.put(
        "departmentInputs",
        SpinValues.jsonValue("{\"SALES\": {\"hours\": 1, \"cost\": 1}}").create());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("lossDelegateProbe", variables);

    assertThatThrownBy(() -> runAsyncJob(instance))
        .hasMessageContaining("lossAmount: must be 0 or more");
    assertThat(runtimeService.getVariable(instance.getId(), "lossStatement")).isNull();
  }

  private void runAsyncJob(ProcessInstance instance) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(job.getId());
  }

  static Map<String, Object> workedExampleVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("opportunityId", "OPP-2026-001");
    variables.put("priority", "B");
    variables.put("realizedRevenue", 2000000L);
    variables.put(
        "departmentShares",
        SpinValues.jsonValue("{\"SALES\": 50, \"TECH\": 35, \"DELIVERY\": 15}").create());
    variables.put(
        "teamMembers",
        SpinValues.jsonValue(
                "[{\"userId\": \"alice\", \"department\": \"SALES\"},"
                    + " {\"userId\": \"sam\", \"department\": \"SALES\"}, {\"userId\": \"bob\", \"department\": \"TECH\"},"
                    + " {\"userId\": \"carol\", \"department\": \"DELIVERY\"}]")
            .create());
    variables.put(
        "peerRatings",
        SpinValues.jsonValue(
                "{"
                    + "\"alice\": {\"sam\": 2, \"bob\": 5, \"carol\": 4},"
                    + "\"sam\": {\"alice\": 5, \"bob\": 5, \"carol\": 4},"
                    + "\"bob\": {\"alice\": 4, \"sam\": 2, \"carol\": 3},"
                    + "\"carol\": {\"alice\": 5, \"sam\": 3, \"bob\": 4}}")
            .create());
    return variables;
  }
}
