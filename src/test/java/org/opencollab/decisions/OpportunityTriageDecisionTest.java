package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN {@code opportunityTriage}: priority, task force and press release at every boundary and tier.
 */
class OpportunityTriageDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "{0} {1} new={2} → {3} taskForce={4} pressRelease={5} by {6}")
  @CsvSource({
    // tier, value, newProduct → priority, taskForce, pressRelease, rule
    "STRATEGIC, 0,       false, A, true,  true,  Rule_StrategicCustomer",
    "STRATEGIC, 999999,  true,  A, true,  true,  Rule_StrategicCustomer",
    "STANDARD,  5000000, false, A, true,  true,  Rule_LargeDeal",
    "KEY,       5000000, false, A, true,  true,  Rule_LargeDeal",
    "STANDARD,  4999999, false, B, false, false, Rule_MidDeal",
    "STANDARD,  4999999, true,  B, false, true,  Rule_MidDealNewProduct",
    "KEY,       0,       true,  B, false, true,  Rule_KeyCustomerNewProduct",
    "KEY,       4999999, false, B, false, false, Rule_KeyCustomer",
    "KEY,       999999,  false, B, false, false, Rule_KeyCustomer",
    "STANDARD,  1000000, false, B, false, false, Rule_MidDeal",
    "STANDARD,  1000000, true,  B, false, true,  Rule_MidDealNewProduct",
    "STANDARD,  999999,  false, C, false, false, Rule_SmallDeal",
    "STANDARD,  999999,  true,  C, false, true,  Rule_SmallDealNewProduct",
    "STANDARD,  0,       false, C, false, false, Rule_SmallDeal",
  })
  void triageSetsPriorityTaskForceAndPressRelease(
      String customerTier,
      long estimatedValue,
      boolean newProduct,
      String priority,
      boolean taskForceRequired,
      boolean pressReleaseRequired,
      String rule) {
    Evaluation evaluation =
        evaluate(
            "opportunityTriage",
            Map.of(
                "customerTier",
                customerTier,
                "estimatedValue",
                estimatedValue,
                "newProduct",
                newProduct));

    assertThat(evaluation.matchedRule()).isEqualTo(rule);
    assertThat(evaluation.outputs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "priority",
                priority,
                "taskForceRequired",
                taskForceRequired,
                "pressReleaseRequired",
                pressReleaseRequired));
  }
}
