package org.opencollab.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.opencollab.opportunity.OpportunityRecords;

/**
 * How a health check reads the engine's history of its period: one day at a time, each query in a
 * command of its own, variables for at most {@value #IDS_PER_QUERY} instances a query. What is held
 * in memory then depends on how much happened in a day, never on how long the history is.
 */
final class HistoryWindow {

  static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final int IDS_PER_QUERY = 200;

  private final HistoryService history;
  private final Instant from;
  private final Instant to;

  HistoryWindow(HistoryService history, Instant from, Instant to) {
    this.history = history;
    this.from = from;
    this.to = to;
  }

  HistoryService history() {
    return history;
  }

  /** Runs {@code window} for each day of the period: its first and its last millisecond. */
  void eachDay(BiConsumer<Date, Date> window) {
    for (Instant start = from; start.isBefore(to); start = start.plusMillis(DAY_MILLIS)) {
      Instant end = start.plusMillis(DAY_MILLIS).isBefore(to) ? start.plusMillis(DAY_MILLIS) : to;
      window.accept(Date.from(start), new Date(end.toEpochMilli() - 1));
    }
  }

  /**
   * Each day's results of {@code query} (given the day's first and last millisecond), one day's
   * list at a time.
   */
  <T> void eachDay(DayQuery<T> query, Consumer<T> each) {
    eachDay((first, last) -> read(() -> query.list(first, last)).forEach(each));
  }

  /** A history query over one day. */
  @FunctionalInterface
  interface DayQuery<T> {
    List<T> list(Date first, Date last);
  }

  /**
   * The instances of {@code processKey} started (or finished) between {@code first} and {@code
   * last}.
   */
  List<HistoricProcessInstance> instances(
      String processKey, boolean finished, Date first, Date last) {
    return read(
        () -> {
          var query = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey);
          return (finished
                  ? query.finishedAfter(first).finishedBefore(last)
                  : query.startedAfter(first).startedBefore(last))
              .list();
        });
  }

  /**
   * The named variables of each process instance, in queries of at most {@value #IDS_PER_QUERY}
   * instances; a variable of the instance itself wins over a local one of the same name.
   */
  Map<String, Map<String, Object>> variables(Collection<String> ids, String... names) {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(ids))) {
      chunk.forEach(id -> values.put(id, new HashMap<>()));
      for (HistoricVariableInstance variable :
          read(
              () ->
                  history
                      .createHistoricVariableInstanceQuery()
                      .processInstanceIdIn(chunk.toArray(String[]::new))
                      .variableNameIn(names)
                      .list())) {
        Map<String, Object> instance = values.get(variable.getProcessInstanceId());
        boolean own = OpportunityRecords.ofTheInstanceItself(variable);
        if (variable.getValue() != null && (own || !instance.containsKey(variable.getName()))) {
          instance.put(variable.getName(), variable.getValue());
        }
      }
    }
    return values;
  }

  /**
   * Runs one query in a command of its own: what it loads leaves the engine's entity cache when the
   * query ends, instead of piling up in the cache of the job that assesses.
   */
  static <T> T read(Supplier<T> query) {
    if (Context.getCommandContext() == null) {
      return query.get();
    }
    return Context.getProcessEngineConfiguration()
        .getCommandExecutorTxRequiresNew()
        .execute(context -> query.get());
  }

  static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
      chunks.add(ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY)));
    }
    return chunks;
  }
}
