package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What process owners rely on in every file of {@code decisions/}: kept history and rules that
 * explain themselves, in English and Chinese.
 */
class DecisionModelConventionsTest {

  static final String HISTORY_DAYS = "3650";

  /** "English / 中文": some English, then Chinese after the separator. */
  private static final String BILINGUAL = "[^\"]*[A-Za-z][^\"]* / [^\"]*\\p{IsHan}[^\"]*";

  /**
   * "English sentence. / 中文句子。": English, then Chinese after exactly one separator, since the story
   * page shows the one side or the other.
   */
  private static final String BILINGUAL_SENTENCE =
      "(?s)(?!.* / .* / ).*[A-Za-z].* / .*\\p{IsHan}.*";

  static Stream<Path> decisionFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of("decisions"))) {
      files = listing.filter(path -> path.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .contains(
            "techParticipation.dmn",
            "opportunityTriage.dmn",
            "arbitrationRouting.dmn",
            "incentivePolicy.dmn");
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("decisionFiles")
  void everyDecisionKeepsHistoryTenYearsAndEveryRuleHasADescription(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString())
          .as(decision.getId())
          .isEqualTo(HISTORY_DAYS);
      assertThat(decision.getDescription()).as(decision.getId() + " description").isNotNull();
      assertThat(decision.getName()).as(decision.getId() + " name").contains(" / ");
      DecisionTable table = (DecisionTable) decision.getExpression();
      assertThat(table.getRules()).as(decision.getId()).isNotEmpty();
      for (Rule rule : table.getRules()) {
        assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
        assertThat(rule.getDescription().getTextContent()).as(rule.getId()).hasSizeGreaterThan(20);
      }
    }
  }

  /**
   * What a person reads of a decision is in both languages: every input and output label, and every
   * text an output gives that is a sentence rather than a code ("MANDATORY", "P3D" stay codes).
   */
  @ParameterizedTest
  @MethodSource("decisionFiles")
  void labelsAndSentencesReadInEnglishAndChinese(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    for (Input input : model.getModelElementsByType(Input.class)) {
      assertThat(input.getLabel()).as("label of %s", input.getId()).matches(BILINGUAL);
    }
    for (Output output : model.getModelElementsByType(Output.class)) {
      assertThat(output.getLabel()).as("label of %s", output.getId()).matches(BILINGUAL);
    }
    for (OutputEntry entry : model.getModelElementsByType(OutputEntry.class)) {
      String text = entry.getText().getTextContent().trim();
      if (text.startsWith("\"") && text.contains(" ")) {
        assertThat(text).as("text of %s", entry.getId()).matches("\"" + BILINGUAL + "\"");
      }
    }
  }

  /** Why a decision or the rule that matched decides as it does, in both languages. */
  @ParameterizedTest
  @MethodSource("decisionFiles")
  void descriptionsReadInEnglishAndChinese(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getDescription().getTextContent())
          .as("description of %s", decision.getId())
          .matches(BILINGUAL_SENTENCE);
    }
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      assertThat(rule.getDescription().getTextContent())
          .as("description of %s", rule.getId())
          .matches(BILINGUAL_SENTENCE);
    }
  }

  @ParameterizedTest
  @MethodSource("decisionFiles")
  void fileIsNamedAfterItsDecision(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    assertThat(model.getModelElementsByType(Decision.class))
        .extracting(Decision::getId)
        .containsExactly(file.getFileName().toString().replace(".dmn", ""));
  }
}
