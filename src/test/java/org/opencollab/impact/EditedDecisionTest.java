package org.opencollab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An edited table replays recorded inputs by column, without a process engine: the columns match
 * the deployed ones by id, else by expression; a column whose expression computes a figure replays
 * the figure as recorded.
 */
class EditedDecisionTest {

  private static final List<EditedDecision.Column> DEPLOYED = deployed("techParticipation");

  @Test
  void theRecordedInputsDecideAsTheEditedRulesSay() {
    EditedDecision edited =
        EditedDecision.parse("techParticipation", ImpactPreviewTest.raisedThreshold(), DEPLOYED);
    Outcome outcome = edited.evaluate(recorded(6_000_000.0, "LOW", "STANDARD"));
    assertThat(outcome.entries()).hasSize(1);
    assertThat(outcome.entries().get(0)).containsEntry("techParticipation", "NONE");
    assertThat(edited.evaluate(recorded(9_000_000.0, "LOW", "STANDARD")).entries().get(0))
        .containsEntry("techParticipation", "MANDATORY");
    assertThat(edited.singleResult()).isTrue();
    assertThat(edited.outputs())
        .extracting("name")
        .containsExactly("techParticipation", "techParticipationReason");
  }

  @Test
  void aColumnWithAnotherIdMatchesByItsExpression() {
    byte[] file =
        ImpactRequests.edited(
            "techParticipation", "<input id=\"Input_EstimatedValue\"", "<input id=\"Input_Value\"");
    EditedDecision edited = EditedDecision.parse("techParticipation", file, DEPLOYED);
    assertThat(edited.evaluate(recorded(6_000_000.0, "LOW", "STANDARD")).entries().get(0))
        .containsEntry("techParticipation", "MANDATORY");
  }

  @Test
  void aComputedColumnReplaysTheRecordedFigure() throws Exception {
    List<EditedDecision.Column> deployed = deployed("maturityLevels");
    EditedDecision edited =
        EditedDecision.parse(
            "maturityLevels",
            Files.readAllBytes(Path.of("decisions", "maturityLevels.dmn")),
            deployed);
    // The check computed 85 % of tasks claimed within a day, and nothing else.
    Map<String, Object> inputs = new HashMap<>();
    deployed.forEach(column -> inputs.put(column.id(), null));
    inputs.put("Input_InformationSharing", 85.0);
    assertThat(edited.replays(inputs)).isTrue();
    assertThat(edited.singleResult()).as("COLLECT").isFalse();
    assertThat(edited.evaluate(inputs).entries())
        .containsExactly(Map.of("dimension", "INFORMATION_SHARING", "level", 5));
  }

  @Test
  void anEvaluationWithoutAColumnIsNotReplayed() {
    EditedDecision edited =
        EditedDecision.parse("techParticipation", ImpactPreviewTest.raisedThreshold(), DEPLOYED);
    Map<String, Object> older = recorded(6_000_000.0, "LOW", "STANDARD");
    older.remove("Input_CustomerTier");
    assertThat(edited.replays(older)).isFalse();
  }

  @Test
  void aFileWithADoctypeIsNoDmn() {
    String withEntity =
        "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY secret SYSTEM"
            + " \"file:///etc/passwd\">]>"
            + new String(ImpactRequests.edited("techParticipation"), StandardCharsets.UTF_8)
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length())
                .replace("Tech participation in negotiations\"", "&secret;\"");
    assertThatThrownBy(
            () ->
                EditedDecision.parse(
                    "techParticipation", withEntity.getBytes(StandardCharsets.UTF_8), DEPLOYED))
        .isInstanceOf(InvalidDecisionFile.class)
        .hasMessageStartingWith("file: is not a DMN file");
  }

  private static Map<String, Object> recorded(double value, String complexity, String tier) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("Input_CustomizationRequired", false);
    inputs.put("Input_NewProduct", false);
    inputs.put("Input_TechnicalComplexity", complexity);
    inputs.put("Input_EstimatedValue", value);
    inputs.put("Input_CustomerTier", tier);
    return inputs;
  }

  private static List<EditedDecision.Column> deployed(String key) {
    try {
      return EditedDecision.columns(
          new ByteArrayInputStream(Files.readAllBytes(Path.of("decisions", key + ".dmn"))), key);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
