package org.opencollab.trust;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Races are the engine's problem, not the user's. Parallel tasks of one opportunity (sign-offs,
 * department inputs, peer ratings, votes) end in one place: the multi-instance counters and the
 * gathered answers of the opportunity. Two completions at the same instant collide there, and the
 * engine's optimistic locking rolls one back whole, so nothing of it was written. Running that
 * completion again, in a new transaction, is what the person would do by clicking again; this does
 * it for them, a few times, with a short random pause, as Camunda's own retry for CockroachDB does.
 *
 * <p>The other collision is a task that ends while its completion runs: the vote that gives an
 * option its majority cancels the other votes, and a vote already under way may then find its
 * execution or the committee's size gone (the database shows each statement what was committed when
 * it ran) and fail on a missing value before the locking would notice. When a completion fails and
 * its task has meanwhile ended, it runs again too, and meets the clear answer: 404, saying why the
 * task ended. A refusal of a task that is still open is passed on unchanged.
 *
 * <p>Only for a person's own completion, submission or claim, and only outside a caller's
 * transaction, where a rollback would take the caller's other work with it.
 */
final class ConflictRetry {

  static final int ATTEMPTS = 6;
  private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

  private ConflictRetry() {}

  /**
   * @param retried whether the command's door runs it again ({@code Door#retried}): a completion, a
   *     submission or a claim
   */
  static boolean applies(boolean retried) {
    return retried && !TransactionSynchronizationManager.isActualTransactionActive();
  }

  /**
   * @param command the guarded command, run in a new transaction on each attempt
   * @param taskEnded whether the command's task has ended by now, read in a new transaction
   */
  static <T> T run(Supplier<T> command, BooleanSupplier taskEnded) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (OptimisticLockingException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
        LOG.debug(
            "Concurrent change, attempt {} of {} again: {}",
            attempt + 1,
            ATTEMPTS,
            conflict.getMessage());
        pause(attempt);
      } catch (RuntimeException failure) {
        if (attempt == ATTEMPTS || failure instanceof RestException || !taskEnded.getAsBoolean()) {
          throw failure;
        }
        LOG.debug(
            "The task ended while its completion ran, attempt {} of {} again: {}",
            attempt + 1,
            ATTEMPTS,
            failure.getMessage());
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a concurrent change", e);
    }
  }
}
