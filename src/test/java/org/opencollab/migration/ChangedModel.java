package org.opencollab.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.opencollab.models.ModelDeployer;
import org.opencollab.models.ModelProperties;

/**
 * The change a process owner deploys in the migration tests, made to a copy of {@code processes/}
 * and {@code decisions/}: the step {@code PlanDelivery} renamed (same id, a new name in both
 * languages) and its form given a new field. Deployed as a deployment of its own name, so every
 * model gets a new version, the decisions too: an opportunity must keep the decision versions it
 * pinned all the same.
 */
final class ChangedModel {

  static final String STEP = "PlanDelivery";
  static final String OLD_NAME = "Plan delivery";
  static final String NEW_NAME = "Plan delivery sprints";
  static final String NEW_NAME_ZH = "制定交付冲刺计划";
  static final String NEW_FIELD = "Field_estimatedValue";

  private ChangedModel() {}

  /** Copies the models into {@code workTree}, changes them and deploys them: the new resources. */
  static List<String> deploy(ProcessEngine engine, Path workTree) throws IOException {
    Path processes = copy(Path.of("processes"), workTree.resolve("processes"));
    Path decisions = copy(Path.of("decisions"), workTree.resolve("decisions"));
    Path model = processes.resolve("opportunityToDelivery.bpmn");
    String bpmn = Files.readString(model);
    String renamed =
        bpmn.replace(
                "id=\""
                    + STEP
                    + "\" camunda:dueDate=\"${sla.within(execution, 'deliveryPlanning')}\""
                    + " name=\""
                    + OLD_NAME
                    + "\"",
                "id=\""
                    + STEP
                    + "\" camunda:dueDate=\"${sla.within(execution, 'deliveryPlanning')}\""
                    + " name=\""
                    + NEW_NAME
                    + "\"")
            .replace("value=\"制定交付计划\"", "value=\"" + NEW_NAME_ZH + "\"");
    assertThat(renamed).as("the model names the step anew").isNotEqualTo(bpmn).contains(NEW_NAME);
    Files.writeString(model, renamed);
    Path form = processes.resolve("forms/plan-delivery.form");
    String json = Files.readString(form);
    String withField =
        json.replace(
            "    {\n      \"id\": \"Field_sprintCount\",",
            """
                {
                  "id": "%s",
                  "key": "estimatedValue",
                  "label": "Estimated value (CNY) / 预估金额（元）",
                  "type": "textfield",
                  "disabled": true
                },
                {
                  "id": "Field_sprintCount",\
            """
                .formatted(NEW_FIELD));
    assertThat(withField).as("the form has a new field").contains(NEW_FIELD);
    Files.writeString(form, withField);
    ModelDeployer deployer =
        new ModelDeployer(
            new ModelProperties(
                List.of(processes.toUri().toString(), decisions.toUri().toString()),
                "migration-test"));
    return deployer.deploy(engine.getRepositoryService());
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
