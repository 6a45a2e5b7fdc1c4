package org.opencollab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the preview tells a changed outcome from the same one, without an engine. */
class OutcomeTest {

  @Test
  void numbersCompareByValue() {
    assertThat(one("poolRate", 0.03).sameAs(one("poolRate", new BigDecimal("0.030")))).isTrue();
    assertThat(one("points", 10).sameAs(one("points", 10L))).isTrue();
    assertThat(one("poolRate", 0.03).sameAs(one("poolRate", 0.025))).isFalse();
  }

  @Test
  void anOutputWithoutValueCountsAsAbsent() {
    Map<String, Object> withEmpty = new HashMap<>();
    withEmpty.put("route", "MEDIATION");
    withEmpty.put("mediationDeadline", null);
    assertThat(new Outcome(List.of(withEmpty)).sameAs(one("route", "MEDIATION"))).isTrue();
  }

  @Test
  void noRuleMatchedDiffersFromAMatch() {
    assertThat(Outcome.none().sameAs(one("techParticipation", "NONE"))).isFalse();
    assertThat(Outcome.none().shown(true)).isNull();
    assertThat(Outcome.none().shown(false)).isEqualTo(List.of());
  }

  @Test
  void collectedEntriesCompareInOrder() {
    Outcome ab = new Outcome(List.of(Map.of("level", "A"), Map.of("level", "B")));
    Outcome ba = new Outcome(List.of(Map.of("level", "B"), Map.of("level", "A")));
    assertThat(ab.sameAs(ba)).isFalse();
    assertThat(ab.shown(false)).isEqualTo(ab.entries());
  }

  @Test
  void theDifferingOutputsFollowTheTablesColumns() {
    Outcome before = new Outcome(List.of(Map.of("b", 1, "a", "x", "c", true)));
    Outcome after = new Outcome(List.of(Map.of("a", "y", "b", 1.0, "c", false)));
    assertThat(before.differingOutputs(after, List.of("c", "b", "a"))).containsExactly("c", "a");
    assertThat(before.ordered(List.of("c", "b", "a")).entries().get(0).keySet())
        .containsExactly("c", "b", "a");
  }

  private static Outcome one(String name, Object value) {
    return new Outcome(List.of(Map.of(name, value)));
  }
}
