package org.opencollab.notify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What an engine command sends out (a mail, a chat message) leaves only once the command's
 * transaction commits, and never when it rolls back: a refused step must tell nobody. Outside a
 * command it leaves at once. Each piece of work has a key, and a command queues a key once.
 */
final class AfterCommit {

  /** What one engine command has queued, with the keys that tell what is in it already. */
  private static final class Batch {
    final List<Runnable> work = new ArrayList<>();
    final Set<String> keys = new HashSet<>();
  }

  private final Map<CommandContext, Batch> pending = new ConcurrentHashMap<>();

  /**
   * Runs {@code work} when the running command commits (at once outside a command), unless the
   * command queued {@code key} already.
   *
   * @return false when the key was queued already
   */
  boolean queue(String key, Runnable work) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      work.run();
      return true;
    }
    Batch batch =
        pending.computeIfAbsent(
            command,
            context -> {
              context
                  .getTransactionContext()
                  .addTransactionListener(
                      TransactionState.COMMITTED,
                      committed -> {
                        Batch done = pending.remove(context);
                        if (done != null) {
                          done.work.forEach(Runnable::run);
                        }
                      });
              context
                  .getTransactionContext()
                  .addTransactionListener(
                      TransactionState.ROLLED_BACK, rolledBack -> pending.remove(context));
              return new Batch();
            });
    if (!batch.keys.add(key)) {
      return false;
    }
    batch.work.add(work);
    return true;
  }

  /** Whether the running command has queued {@code key}. */
  boolean queued(String key) {
    CommandContext command = Context.getCommandContext();
    Batch batch = command == null ? null : pending.get(command);
    return batch != null && batch.keys.contains(key);
  }
}
