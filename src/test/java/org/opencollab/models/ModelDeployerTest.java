package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Start-up deployment from model folders: unchanged models deploy nothing, a changed model alone
 * gets a version.
 */
@ApplicationTest
class ModelDeployerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @TempDir Path workTree;
  private ModelDeployer deployer;
  private String deploymentName;
  private String processKey;
  private String decisionKey;

  @BeforeEach
  void modelFolders() throws IOException {
    // Every test deploys into the shared engine: unique names keep the tests apart.
    String suffix = Integer.toString(Math.abs(workTree.getFileName().toString().hashCode()));
    deploymentName = "models-" + suffix;
    processKey = "probeProcess" + suffix;
    decisionKey = "probeDecision" + suffix;
    Path processes = Files.createDirectories(workTree.resolve("processes"));
    Files.createDirectories(processes.resolve("sub"));
    Path decisions = Files.createDirectories(workTree.resolve("decisions"));
    Files.writeString(processes.resolve("probe.bpmn"), bpmn(processKey, "Probe"));
    Files.writeString(processes.resolve("sub/probeStart.form"), form("probeStartForm"));
    Files.writeString(processes.resolve("notes.txt"), "not a model");
    Files.writeString(decisions.resolve("probe.dmn"), dmn(decisionKey, "\"first\""));
    deployer =
        new ModelDeployer(
            new ModelProperties(
                List.of(
                    workTree.resolve("processes").toUri().toString(),
                    workTree.resolve("decisions").toUri().toString()),
                deploymentName));
  }

  @Test
  void deploysBpmnDmnAndFormsNamedByTheirFolder() {
    assertThat(deployer.deploy(repositoryService))
        .containsExactly(
            "decisions/probe.dmn", "processes/probe.bpmn", "processes/sub/probeStart.form");
    // Tasklist asks for the deployed start form: the process's formRef must find the deployed .form
    // file.
    String processDefinitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult()
            .getId();
    assertThat(formService.getDeployedStartForm(processDefinitionId))
        .asString(StandardCharsets.UTF_8)
        .contains("probeStartForm");
  }

  @Test
  void restartWithUnchangedModelsDeploysNothing() {
    deployer.deploy(repositoryService);
    long deployments =
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).count();

    assertThat(deployer.deploy(repositoryService)).isEmpty();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count())
        .isEqualTo(deployments);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .count())
        .isEqualTo(1);
  }

  @Test
  void changingOneModelCreatesANewVersionOfThatModelOnly() throws IOException {
    deployer.deploy(repositoryService);
    Files.writeString(workTree.resolve("decisions/probe.dmn"), dmn(decisionKey, "\"second\""));

    assertThat(deployer.deploy(repositoryService)).containsExactly("decisions/probe.dmn");
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey)
                .latestVersion()
                .singleResult()
                .getVersion())
        .isEqualTo(2);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult()
                .getVersion())
        .isEqualTo(1);
  }

  @Test
  void changingAnEmbeddedFormDeploysTheProcessThatShowsItAgain() throws IOException {
    Files.writeString(
        workTree.resolve("processes/probe.bpmn"),
        bpmn(processKey, "Probe")
            .replace(
                "<startEvent id=\"StartEvent_1\" camunda:formRef=\"probeStartForm\" camunda:formRefBinding=\"latest\" />",
                "<startEvent id=\"StartEvent_1\" camunda:formKey=\"embedded:deployment:processes/sub/probe.html\" />"));
    Files.writeString(workTree.resolve("processes/sub/probe.html"), "<form>first</form>");
    deployer.deploy(repositoryService);
    Files.writeString(workTree.resolve("processes/sub/probe.html"), "<form>second</form>");

    assertThat(deployer.deploy(repositoryService))
        .containsExactly("processes/probe.bpmn", "processes/sub/probe.html");

    var latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult();
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(formService.getDeployedStartForm(latest.getId()))
        .asString(StandardCharsets.UTF_8)
        .contains("second");
  }

  @Test
  void theApplicationDeployedTheSevenDecisionsAtStartUp() {
    assertThat(repositoryService.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains(
            "techParticipation",
            "opportunityTriage",
            "arbitrationRouting",
            "incentivePolicy",
            "serviceLevels",
            "maturityLevels",
            "healthWarnings");
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentName("collaboration-models")
                .count())
        .isEqualTo(1);
  }

  private static String bpmn(String key, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://opencollab.org/test">
          <process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="StartEvent_1" camunda:formRef="probeStartForm" camunda:formRefBinding="latest" />
          </process>
        </definitions>
        """
        .formatted(key, name);
  }

  private static String dmn(String key, String output) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Probe" name="Probe"
            namespace="http://opencollab.org/test">
          <decision id="%s" name="Probe" camunda:historyTimeToLive="1">
            <decisionTable id="Table_Probe">
              <output id="Output_Probe" name="answer" typeRef="string" />
              <rule id="Rule_Probe"><outputEntry id="Entry_Probe"><text>%s</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(key, output);
  }

  private static String form(String id) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"key": "note", "label": "Note / 备注", "type": "textfield", "id": "Field_Note"}]}
        """
        .formatted(id);
  }
}
