package org.opencollab.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries messages out on a thread of its own, so that a slow or absent server (mail, chat) never
 * holds up or breaks anyone's work. A failed delivery is tried again after {@code retryDelay},
 * doubled each time, {@code attempts} times in all; every message delivered or given up is logged.
 */
final class Courier {

  /** One delivery: throws when the server refused or could not be reached. */
  interface Delivery {
    void deliver() throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Courier.class);

  private final int attempts;
  private final Duration retryDelay;
  private final ScheduledExecutorService thread;

  Courier(String name, int attempts, Duration retryDelay) {
    this.attempts = attempts;
    this.retryDelay = retryDelay;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread courier = new Thread(runnable, name);
              courier.setDaemon(true);
              return courier;
            });
  }

  /** Delivers {@code delivery}, described in the log as {@code what}. */
  void send(String what, Delivery delivery) {
    send(what, delivery, 1);
  }

  private void send(String what, Delivery delivery, int attempt) {
    long delay = attempt == 1 ? 0 : retryDelay.toMillis() << (attempt - 2);
    thread.schedule(() -> deliver(what, delivery, attempt), delay, TimeUnit.MILLISECONDS);
  }

  private void deliver(String what, Delivery delivery, int attempt) {
    try {
      delivery.deliver();
      LOG.info("{} sent", what);
    } catch (Exception e) {
      if (attempt < attempts) {
        LOG.warn(
            "{} failed (attempt {} of {}), trying again: {}",
            what,
            attempt,
            attempts,
            e.getMessage());
        send(what, delivery, attempt + 1);
      } else {
        LOG.error("{} given up after {} attempts: {}", what, attempt, e.getMessage());
      }
    }
  }

  /** Stops; returns how many deliveries were still waiting for their turn. */
  int stop() {
    return thread.shutdownNow().size();
  }
}
