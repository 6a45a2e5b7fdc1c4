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
    // the answer shows the recorded value under the edited column, as the page looks it up
    assertThat(edited.byEditedColumn(recorded(6_000_000.0, "LOW", "STANDARD")))
        .containsEntry("Input_Value", 6_000_000.0)
        .doesNotContainKey("Input_EstimatedValue");
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

  /** JUEL that would set a system property, were it ever evaluated. */
  private static final String JUEL =
      "${\"\".getClass().forName(\"java.lang.System\")"
          + ".getMethod(\"setProperty\", \"\".getClass(), \"\".getClass())"
          + ".invoke(null, \"impact.juel.ran\", \"yes\")}";

  @Test
  void juelInAnOutputEntryIsRefusedUnevaluated() {
    byte[] file =
        ImpactRequests.edited(
            "techParticipation",
            "<outputEntry id=\"Rule_Customization_Participation\"><text>\"MANDATORY\"</text>",
            "<outputEntry id=\"Rule_Customization_Participation\" expressionLanguage=\"juel\">"
                + "<text>"
                + escaped(JUEL)
                + "</text>");
    assertThatThrownBy(() -> EditedDecision.parse("techParticipation", file, DEPLOYED))
        .isInstanceOf(InvalidDecisionFile.class)
        .hasMessage(
            "file: sets the expression language \"juel\" on outputEntry"
                + " Rule_Customization_Participation; the preview evaluates FEEL only, since other"
                + " languages can run code on the server");
    assertThat(System.getProperty("impact.juel.ran")).isNull();
  }

  @Test
  void juelInAnInputEntryOrAsTheFilesDefaultIsRefused() {
    byte[] entry =
        ImpactRequests.edited(
            "techParticipation",
            "<inputEntry id=\"Rule_Customization_Customization\"><text>true</text>",
            "<inputEntry id=\"Rule_Customization_Customization\" expressionLanguage=\"JUEL\">"
                + "<text>"
                + escaped(JUEL)
                + "</text>");
    byte[] byDefault =
        ImpactRequests.edited(
            "techParticipation",
            "namespace=\"http://opencollab.org/dmn\"",
            "namespace=\"http://opencollab.org/dmn\" expressionLanguage=\"javascript\"");
    assertThatThrownBy(() -> EditedDecision.parse("techParticipation", entry, DEPLOYED))
        .isInstanceOf(InvalidDecisionFile.class)
        .hasMessageContaining("\"JUEL\" on inputEntry Rule_Customization_Customization");
    assertThatThrownBy(() -> EditedDecision.parse("techParticipation", byDefault, DEPLOYED))
        .isInstanceOf(InvalidDecisionFile.class)
        .hasMessageContaining("\"javascript\" on definitions Definitions_TechParticipation");
    assertThat(System.getProperty("impact.juel.ran")).isNull();
  }

  @Test
  void feelNamedAsSuchIsAccepted() {
    byte[] file =
        ImpactRequests.edited(
            "techParticipation",
            "namespace=\"http://opencollab.org/dmn\"",
            "namespace=\"http://opencollab.org/dmn\""
                + " expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"",
            "<outputEntry id=\"Rule_Customization_Participation\">",
            "<outputEntry id=\"Rule_Customization_Participation\" expressionLanguage=\"feel\">");
    assertThat(
            EditedDecision.parse("techParticipation", file, DEPLOYED)
                .evaluate(recorded(1.0, "LOW", "STANDARD"))
                .entries())
        .hasSize(1);
  }

  @Test
  void thePreviewsEngineRunsNoJuelEvenIfACheckMissedIt() {
    String table =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\""
            + " name=\"d\" namespace=\"x\"><decision id=\"juel\" name=\"juel\">"
            + "<variable id=\"v\" name=\"out\" typeRef=\"string\"/>"
            + "<literalExpression expressionLanguage=\"juel\"><text>"
            + escaped(JUEL)
            + "</text></literalExpression></decision></definitions>";
    org.camunda.bpm.dmn.engine.DmnDecision decision =
        EditedDecision.engine()
            .parseDecision(
                "juel", new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(
            () ->
                EditedDecision.engine()
                    .evaluateDecision(
                        decision, org.camunda.bpm.engine.variable.Variables.createVariables()))
        .hasStackTraceContaining("the preview evaluates FEEL only, not JUEL");
    assertThat(System.getProperty("impact.juel.ran")).isNull();
  }

  @Test
  void anInputExpressionWithoutTextIsABadFile() {
    byte[] file =
        ImpactRequests.edited(
            "techParticipation",
            "<inputExpression id=\"InputExpression_CustomerTier\" typeRef=\"string\">\n"
                + "          <text>customerTier</text>",
            "<inputExpression id=\"InputExpression_CustomerTier\" typeRef=\"string\">");
    List<EditedDecision.Column> deployed =
        DEPLOYED.stream()
            .map(
                column ->
                    column.id().equals("Input_CustomerTier")
                        ? new EditedDecision.Column(column.id(), column.label(), null)
                        : column)
            .toList();
    assertThatThrownBy(() -> EditedDecision.parse("techParticipation", file, deployed))
        .isInstanceOf(InvalidDecisionFile.class)
        .hasMessage(
            "file: input column \"Customer tier / 客户等级\" (Input_CustomerTier) has no"
                + " expression: give its inputExpression a text");
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
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
