package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN {@code techParticipation}: every rule, every value boundary and every enum value, through the
 * engine.
 */
class TechParticipationDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} → {5} by {6}")
  @CsvSource({
    // customization, newProduct, complexity, value, tier → participation, rule
    "true,  false, LOW,    0,       STANDARD,  MANDATORY, Rule_Customization",
    "true,  true,  HIGH,   9999999, STRATEGIC, MANDATORY, Rule_Customization",
    "false, true,  LOW,    0,       STANDARD,  MANDATORY, Rule_NewProduct",
    "false, true,  MEDIUM, 0,       KEY,       MANDATORY, Rule_NewProduct",
    "false, false, HIGH,   0,       STANDARD,  MANDATORY, Rule_HighComplexity",
    "false, false, HIGH,   999999,  KEY,       MANDATORY, Rule_HighComplexity",
    "false, false, LOW,    5000000, STANDARD,  MANDATORY, Rule_LargeDeal",
    "false, false, LOW,    4999999, STANDARD,  NONE,      Rule_Otherwise",
    "false, false, MEDIUM, 5000000, STANDARD,  MANDATORY, Rule_LargeDeal",
    "false, false, MEDIUM, 4999999, STANDARD,  MANDATORY, Rule_MediumComplexityMidDeal",
    "false, false, MEDIUM, 1000000, STANDARD,  MANDATORY, Rule_MediumComplexityMidDeal",
    "false, false, MEDIUM, 999999,  STANDARD,  ADVISORY,  Rule_MediumComplexity",
    "false, false, MEDIUM, 0,       STRATEGIC, ADVISORY,  Rule_MediumComplexity",
    "false, false, LOW,    1000000, STANDARD,  NONE,      Rule_Otherwise",
    "false, false, LOW,    999999,  STANDARD,  NONE,      Rule_Otherwise",
    "false, false, LOW,    0,       STRATEGIC, ADVISORY,  Rule_StrategicCustomer",
    "false, false, LOW,    4999999, STRATEGIC, ADVISORY,  Rule_StrategicCustomer",
    "false, false, LOW,    5000000, STRATEGIC, MANDATORY, Rule_LargeDeal",
    "false, false, LOW,    0,       KEY,       NONE,      Rule_Otherwise",
    "false, false, LOW,    4999999, KEY,       NONE,      Rule_Otherwise",
  })
  void firstMatchingRuleDecides(
      boolean customizationRequired,
      boolean newProduct,
      String technicalComplexity,
      long estimatedValue,
      String customerTier,
      String expected,
      String rule) {
    Evaluation evaluation =
        evaluate(
            "techParticipation",
            Map.of(
                "customizationRequired",
                customizationRequired,
                "newProduct",
                newProduct,
                "technicalComplexity",
                technicalComplexity,
                "estimatedValue",
                estimatedValue,
                "customerTier",
                customerTier));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsEntry("techParticipation", expected);
    // The reason is a sentence in each language: "English sentence. / 中文句子。"
    assertThat((String) evaluation.outputs().get("techParticipationReason"))
        .matches("[A-Z][^/]+\\. / [^/]+。");
  }

  @ParameterizedTest(name = "{0} CNY as a Double → {1}")
  @CsvSource({"4999999.99, NONE", "5000000.0, MANDATORY"})
  void doubleValuesMeetTheSameBoundaries(double estimatedValue, String expected) {
    Evaluation evaluation =
        evaluate(
            "techParticipation",
            Map.of(
                "customizationRequired",
                false,
                "newProduct",
                false,
                "technicalComplexity",
                "LOW",
                "estimatedValue",
                estimatedValue,
                "customerTier",
                "STANDARD"));
    assertThat(evaluation.outputs()).containsEntry("techParticipation", expected);
  }
}
