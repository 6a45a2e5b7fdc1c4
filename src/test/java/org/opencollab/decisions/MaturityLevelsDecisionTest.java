package org.opencollab.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN {@code maturityLevels}: each dimension's formula and its thresholds, at the boundaries, and
 * no level where the period has no data for the formula.
 */
class MaturityLevelsDecisionTest extends DecisionTableTest {

  @ParameterizedTest(name = "{1} of {0} tasks claimed within a day → level {2}")
  @CsvSource({
    "10000, 10000, 5",
    "10000, 8000, 5",
    "10000, 7999, 4",
    "10000, 6000, 4",
    "10000, 5999, 3",
    "10000, 4000, 3",
    "10000, 3999, 2",
    "10000, 2000, 2",
    "10000, 1999, 1",
    "10000, 0, 1"
  })
  void informationSharing(int claimed, int withinADay, int level) {
    assertThat(levels(figures(claimed, withinADay, 5, 4, 0, 2, 1)))
        .containsEntry("INFORMATION_SHARING", level);
  }

  @ParameterizedTest(name = "{1} of {0} with tech, {2} committee rulings → level {3}")
  @CsvSource({
    "5, 4, 0, 5",
    "5, 4, 1, 4",
    "100, 60, 0, 4",
    "100, 60, 1, 3",
    "100, 40, 0, 3",
    "100, 20, 1, 1",
    "100, 21, 1, 2",
    "5, 1, 3, 1"
  })
  void resourceIntegration(int started, int withTech, int committeeRulings, int level) {
    assertThat(levels(figures(10, 10, started, withTech, committeeRulings, 2, 1)))
        .containsEntry("RESOURCE_INTEGRATION", level);
  }

  @ParameterizedTest(name = "{1} of {0} won with innovation → level {2}")
  @CsvSource({"2, 1, 3", "5, 4, 5", "5, 3, 4", "5, 1, 2", "6, 1, 1", "3, 0, 1"})
  void innovationOutput(int won, int withInnovation, int level) {
    assertThat(levels(figures(10, 10, 5, 4, 0, won, withInnovation)))
        .containsEntry("INNOVATION_OUTPUT", level);
  }

  @Test
  void aDimensionWithoutDataHasNoLevel() {
    assertThat(levels(figures(0, 0, 0, 0, 0, 0, 0))).isEmpty();
    assertThat(levels(figures(0, 0, 5, 4, 0, 2, 1)))
        .containsOnlyKeys("RESOURCE_INTEGRATION", "INNOVATION_OUTPUT");
  }

  private Map<String, Object> figures(
      int claimed,
      int withinADay,
      int started,
      int withTech,
      int committeeRulings,
      int won,
      int withInnovation) {
    Map<String, Object> figures = new HashMap<>();
    figures.put("tasksClaimed", claimed);
    figures.put("tasksClaimedWithinADay", withinADay);
    figures.put("opportunitiesStarted", started);
    figures.put("opportunitiesWithTech", withTech);
    figures.put("committeeRulings", committeeRulings);
    figures.put("opportunitiesWon", won);
    figures.put("wonWithInnovation", withInnovation);
    return figures;
  }

  private Map<String, Integer> levels(Map<String, Object> figures) {
    Map<String, Integer> levels = new TreeMap<>();
    for (Map<String, Object> result : evaluateAll("maturityLevels", figures)) {
      assertThat(levels.put((String) result.get("dimension"), (Integer) result.get("level")))
          .as("one level per dimension")
          .isNull();
    }
    return levels;
  }
}
