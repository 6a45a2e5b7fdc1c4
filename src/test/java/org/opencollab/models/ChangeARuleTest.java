package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The walk-through of docs/process-owners.md, "Change a rule, see it live": a process owner raises
 * the value at which tech must join the negotiation from 5,000,000 to 8,000,000 CNY. The changed
 * decision table deploys as a new version of that decision alone; new opportunities decide by it;
 * an opportunity that started before keeps the version it started with.
 */
@ApplicationTest
class ChangeARuleTest {

  private static final String RULE = "&gt;= 5000000";
  private static final String RAISED_RULE = "&gt;= 8000000";

  @Autowired ProcessEngine engine;
  @TempDir Path workTree;
  private Path table;
  private String original;
  private ModelDeployer deployer;

  @BeforeEach
  void copyTheDecisions() throws IOException {
    Path copy = Files.createDirectories(workTree.resolve("decisions"));
    try (var files = Files.list(Path.of("decisions"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".dmn")).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    table = copy.resolve("techParticipation.dmn");
    original = Files.readString(table);
    deployer =
        new ModelDeployer(new ModelProperties(List.of(copy.toUri().toString()), "change-a-rule"));
    // Deployed once as the process owner's starting point: from here on, unchanged means nothing
    // new.
    deployer.deploy(engine.getRepositoryService());
  }

  @AfterEach
  void restoreTheRule() throws IOException {
    Files.writeString(table, original);
    deployer.deploy(engine.getRepositoryService());
  }

  @Test
  void aRaisedThresholdIsANewVersionForNewOpportunitiesOnly() throws IOException {
    assertThat(deployer.deploy(engine.getRepositoryService())).as("unchanged copies").isEmpty();
    OpportunityDriver driver = new OpportunityDriver(engine);
    ProcessInstance before = driver.start(sixMillionLowComplexity());
    int version = latestVersion("techParticipation");
    int processVersion = latestProcessVersion();
    Map<String, Integer> otherDecisions =
        Map.of(
            "opportunityTriage", latestVersion("opportunityTriage"),
            "incentivePolicy", latestVersion("incentivePolicy"),
            "arbitrationRouting", latestVersion("arbitrationRouting"));

    Files.writeString(table, original.replace(RULE, RAISED_RULE));
    assertThat(deployer.deploy(engine.getRepositoryService()))
        .containsExactly("decisions/techParticipation.dmn");
    assertThat(latestVersion("techParticipation")).isEqualTo(version + 1);
    otherDecisions.forEach(
        (key, unchanged) -> assertThat(latestVersion(key)).as(key).isEqualTo(unchanged));
    assertThat(latestProcessVersion()).isEqualTo(processVersion);

    ProcessInstance after = driver.start(sixMillionLowComplexity());
    assertThat(driver.variable(before, "techParticipation")).isEqualTo("MANDATORY");
    assertThat(driver.variable(after, "techParticipation")).isEqualTo("NONE");
    assertThat(evaluatedVersion(before)).isEqualTo(version);
    assertThat(evaluatedVersion(after)).isEqualTo(version + 1);
    assertThat(pinned(before.getId(), "techParticipation")).isEqualTo(version);
    assertThat(pinned(after.getId(), "techParticipation")).isEqualTo(version + 1);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(before.getId())
                .count())
        .as("the earlier opportunity is still running")
        .isEqualTo(1);
  }

  private Map<String, Object> sixMillionLowComplexity() {
    Map<String, Object> variables = keyAccount(newOpportunityId());
    variables.put("estimatedValue", 6_000_000L);
    variables.put("technicalComplexity", "LOW");
    return variables;
  }

  private Object pinned(String instanceId, String key) {
    return org.opencollab.variables.JsonVariables.object(
            engine.getRuntimeService().getVariable(instanceId, "decisionVersions"))
        .get(key)
        .intValue();
  }

  private int evaluatedVersion(ProcessInstance instance) {
    HistoricDecisionInstance evaluation =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(instance.getId())
            .decisionDefinitionKey("techParticipation")
            .singleResult();
    return engine
        .getRepositoryService()
        .getDecisionDefinition(evaluation.getDecisionDefinitionId())
        .getVersion();
  }

  private int latestVersion(String decisionKey) {
    return engine
        .getRepositoryService()
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  private int latestProcessVersion() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey("opportunityToDelivery")
        .latestVersion()
        .singleResult()
        .getVersion();
  }
}
