package org.opencollab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The product's own seeding once the engine is built (groups, authorizations and seed users, then
 * the models), in a thread of its own while Spring goes on to build the webapps, the REST API,
 * security and actuator: the seeding, about 1.8 s on a fresh database, overlaps with that work (on
 * two cores it took 0.4 to 0.6 s off the start: docs/performance.md, "Start-up").
 *
 * <p>Still done before anyone is served: the work runs in the order it is handed in, and the
 * application context waits for all of it once its beans are created, before Tomcat takes requests,
 * the job executor starts and the application is ready. A failed piece fails the start with its
 * error. Work handed in after that (an engine built later) runs at once, in the caller.
 */
@Component
public class StartUpWork implements SmartInitializingSingleton, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartUpWork.class);

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread worker = new Thread(work, "start-up-work");
            worker.setDaemon(true);
            return worker;
          });
  private final List<Piece> pieces = new ArrayList<>();
  private boolean accepting;

  public StartUpWork() {
    this(true);
  }

  private StartUpWork(boolean accepting) {
    this.accepting = accepting;
  }

  /** Start-up work outside an application context: each piece runs at once, in the caller. */
  public static StartUpWork inPlace() {
    StartUpWork inPlace = new StartUpWork(false);
    inPlace.thread.shutdown();
    return inPlace;
  }

  private record Piece(String name, CompletableFuture<Void> done) {}

  /**
   * Runs the work in the start-up thread, or at once when the application has finished starting.
   *
   * @param name what the work does, for the error that fails the start
   */
  public synchronized void submit(String name, Runnable work) {
    if (!accepting) {
      work.run();
      return;
    }
    pieces.add(new Piece(name, CompletableFuture.runAsync(work, thread)));
  }

  /** Waits for all work handed in so far; throws the first failure. */
  public void awaitDone() {
    List<Piece> waiting;
    synchronized (this) {
      waiting = List.copyOf(pieces);
    }
    await(waiting);
  }

  private static void await(List<Piece> waiting) {
    for (Piece piece : waiting) {
      try {
        piece.done().join();
      } catch (CompletionException e) {
        throw new IllegalStateException(
            piece.name() + " failed at start-up: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  /** Stops taking work, then waits for all of it; work handed in later runs in the caller. */
  @Override
  public void afterSingletonsInstantiated() {
    List<Piece> waiting;
    synchronized (this) {
      accepting = false;
      waiting = List.copyOf(pieces);
      pieces.clear();
    }
    await(waiting);
    thread.shutdown();
    LOG.debug("start-up work done");
  }

  @Override
  public void destroy() {
    thread.shutdownNow();
  }
}
