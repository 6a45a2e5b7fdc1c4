package org.opencollab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The product's seeding runs beside the start, in order, and the start waits for it. */
class StartUpWorkTest {

  @Test
  void workRunsInTheOrderHandedInAndIsDoneWhenTheStartEnds() throws Exception {
    StartUpWork work = new StartUpWork();
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    List<String> done = new CopyOnWriteArrayList<>();
    work.submit(
        "identities",
        () -> {
          await(firstMayEnd);
          done.add("identities");
        });
    work.submit("models", () -> done.add("models"));

    assertThat(done).as("the caller goes on while the work waits").isEmpty();
    firstMayEnd.countDown();
    work.afterSingletonsInstantiated();

    assertThat(done).containsExactly("identities", "models");
  }

  @Test
  void aFailedPieceFailsTheStartWithItsError() {
    StartUpWork work = new StartUpWork();
    work.submit(
        "deploying the models",
        () -> {
          throw new IllegalArgumentException("broken.bpmn does not parse");
        });

    assertThatThrownBy(work::afterSingletonsInstantiated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("deploying the models failed at start-up: broken.bpmn does not parse")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workHandedInAfterTheStartRunsAtOnceInTheCaller() {
    StartUpWork work = new StartUpWork();
    work.afterSingletonsInstantiated();
    Thread caller = Thread.currentThread();
    List<Thread> ranIn = new CopyOnWriteArrayList<>();

    work.submit("late", () -> ranIn.add(Thread.currentThread()));
    StartUpWork.inPlace().submit("in place", () -> ranIn.add(Thread.currentThread()));

    assertThat(ranIn).containsExactly(caller, caller);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
