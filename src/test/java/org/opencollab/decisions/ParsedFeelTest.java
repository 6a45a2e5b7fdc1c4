package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's decisions evaluate with {@link ParsedFeel}, and it answers exactly as Camunda's own
 * FEEL engine does: the same values, the same matches, the same failures, the first time and every
 * time after (the parse is kept).
 */
@ApplicationTest
class ParsedFeelTest {

  private static final FeelEngine CAMUNDA = new ScalaFeelEngine(List.of());
  private static final FeelEngine PARSED = new ParsedFeel(List.of());

  private static final VariableContext VARIABLES =
      Variables.createVariables()
          .putValue("estimatedValue", 1_500_000L)
          .putValue("technicalComplexity", "MEDIUM")
          .putValue("customerTier", "KEY")
          .putValue("score", 3.5)
          .putValue("flag", true)
          .putValue("nothing", null)
          .asVariableContext();

  @Autowired ProcessEngine engine;

  @Test
  void theEnginesDecisionsUseIt() {
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration()
                .getFeelEngine())
        .isInstanceOf(ParsedFeel.class);
  }

  @Test
  void expressionsGiveCamundasValues() {
    for (String expression :
        List.of(
            "estimatedValue",
            "estimatedValue >= 1000000 and technicalComplexity = \"MEDIUM\"",
            "if score > 3 then \"high\" else \"low\"",
            "min(score, 2) * 10",
            "string length(customerTier) + 1",
            "nothing = null",
            "{a: estimatedValue, b: [1, 2, 3][2]}.b",
            "flag")) {
      for (int time = 0; time < 2; time++) {
        Object camunda = CAMUNDA.evaluateSimpleExpression(expression, VARIABLES);
        Object parsed = PARSED.evaluateSimpleExpression(expression, VARIABLES);
        assertThat(String.valueOf(parsed)).as(expression).isEqualTo(String.valueOf(camunda));
      }
    }
  }

  @Test
  void unaryTestsMatchAsCamundasDo() {
    Map<String, String> tests =
        Map.of(
            "\"LOW\",\"MEDIUM\"", "technicalComplexity",
            "not(\"STRATEGIC\")", "customerTier",
            ">= 1000000", "estimatedValue",
            "[1000000..5000000)", "estimatedValue",
            "< 1000000", "estimatedValue",
            "-", "customerTier",
            "? > 3", "score",
            "true", "flag",
            "null", "nothing");
    tests.forEach(
        (test, input) -> {
          for (int time = 0; time < 2; time++) {
            assertThat(PARSED.evaluateSimpleUnaryTests(test, input, VARIABLES))
                .as("%s on %s", test, input)
                .isEqualTo(CAMUNDA.evaluateSimpleUnaryTests(test, input, VARIABLES));
          }
        });
  }

  @Test
  void failuresAreCamundasFailures() {
    for (String broken : List.of("estimatedValue >", "unknown function(1)")) {
      for (int time = 0; time < 2; time++) {
        Throwable camunda =
            catchThrowable(() -> CAMUNDA.evaluateSimpleExpression(broken, VARIABLES));
        Throwable parsed = catchThrowable(() -> PARSED.evaluateSimpleExpression(broken, VARIABLES));
        assertThat(parsed).as(broken).isNotNull().hasSameClassAs(camunda);
        assertThat(parsed.getMessage()).as(broken).isEqualTo(camunda.getMessage());
      }
    }
    Throwable camunda =
        catchThrowable(() -> CAMUNDA.evaluateSimpleUnaryTests("[1..", "score", VARIABLES));
    Throwable parsed =
        catchThrowable(() -> PARSED.evaluateSimpleUnaryTests("[1..", "score", VARIABLES));
    assertThat(parsed).isNotNull().hasSameClassAs(camunda);
    assertThat(parsed.getMessage()).isEqualTo(camunda.getMessage());
  }
}
