package org.opencollab.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencollab.waiting.ProcessSteps.Phase;
import org.opencollab.waiting.ProcessSteps.Step;
import org.opencollab.waiting.WaitingFigures.ActivityFigures;
import org.opencollab.waiting.WaitingFigures.Figures;
import org.opencollab.waiting.WaitingFigures.PhaseFigures;

/** The figures of known tasks, without an engine. */
class WaitingFiguresTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final long MINUTE = 60_000;

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Spread.of(new long[] {5, 1, 3})).isEqualTo(new Spread(3, 3L, 5L));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValuesRoundedDown() {
    assertThat(Spread.of(new long[] {4, 1, 2, 10})).isEqualTo(new Spread(4, 3L, 10L));
  }

  @Test
  void p90IsTheNearestRank() {
    long[] oneToTen = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(Spread.of(oneToTen).p90Millis()).isEqualTo(9L);
    long[] oneToEleven = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(Spread.of(oneToEleven).p90Millis()).isEqualTo(10L);
    long[] oneToTwenty = new long[20];
    for (int i = 0; i < 20; i++) {
      oneToTwenty[i] = i + 1;
    }
    assertThat(Spread.of(oneToTwenty)).isEqualTo(new Spread(20, 10L, 18L));
    assertThat(Spread.of(new long[] {7})).isEqualTo(new Spread(1, 7L, 7L));
  }

  @Test
  void noValueHasNoMedian() {
    assertThat(Spread.of(new long[0])).isEqualTo(new Spread(0, null, null));
  }

  @Test
  void aTaskWaitsUntilItsFirstAssignmentAndIsWorkedUntilCompletion() {
    FinishedTask claimed = task("a", "Review", 0, 30, 90);
    assertThat(claimed.waitingMillis()).isEqualTo(30 * MINUTE);
    assertThat(claimed.workedMillis()).isEqualTo(60 * MINUTE);
    FinishedTask assignedOnCreation = task("b", "Review", 0, 0, 45);
    assertThat(assignedOnCreation.waitingMillis()).isZero();
    assertThat(assignedOnCreation.workedMillis()).isEqualTo(45 * MINUTE);
    FinishedTask neverClaimed = task("c", "Review", 0, null, 20);
    assertThat(neverClaimed.waitingMillis()).isEqualTo(20 * MINUTE);
    assertThat(neverClaimed.workedMillis()).isZero();
  }

  @Test
  void eachStepOfTheModelHasAnEntryInModelOrderThenStepsOnlyHistoryKnows() {
    List<Step> steps =
        List.of(
            new Step("Qualify", "Qualify", "评估", "Phase_A"),
            new Step("Design", "Design", "设计", "Phase_B"),
            new Step("Offer", "Offer", "报价", "Phase_B"));
    List<FinishedTask> tasks = new ArrayList<>();
    tasks.add(task("1", "Design", 0, 10, 70));
    tasks.add(task("2", "Design", 0, 30, 40));
    tasks.add(task("3", "Design", 0, 20, 80));
    tasks.add(task("4", "Qualify", 0, 0, 5));
    tasks.add(task("5", "OldStep", 0, 1, 2));

    List<ActivityFigures> entries = WaitingFigures.perActivity(steps, tasks);

    assertThat(entries)
        .extracting(ActivityFigures::activityId)
        .containsExactly("Qualify", "Design", "Offer", "OldStep");
    assertThat(entries.get(1).figures())
        .isEqualTo(new Figures(3, 20 * MINUTE, 30 * MINUTE, 60 * MINUTE, 60 * MINUTE));
    assertThat(entries.get(2).figures()).isEqualTo(new Figures(0, null, null, null, null));
    assertThat(entries.get(3).name()).isEqualTo("OldStep");

    List<PhaseFigures> phases =
        WaitingFigures.perPhase(
            List.of(new Phase("Phase_A", "A", "甲"), new Phase("Phase_B", "B", "乙")), steps, tasks);
    assertThat(phases.get(0).figures()).isEqualTo(new Figures(1, 0L, 0L, 5 * MINUTE, 5 * MINUTE));
    assertThat(phases.get(1).figures().count()).isEqualTo(3);

    assertThat(WaitingFigures.slowest(tasks, 2))
        .extracting(FinishedTask::taskId)
        .containsExactly("3", "1");
  }

  private static FinishedTask task(
      String id, String activity, long created, Integer claimed, long completed) {
    return new FinishedTask(
        id,
        activity,
        "definition",
        "instance-" + id,
        T0.plusMillis(created * MINUTE),
        claimed == null ? null : T0.plusMillis(claimed.longValue() * MINUTE),
        T0.plusMillis(completed * MINUTE));
  }
}
