package org.opencollab.benchmark;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Where a start-up's time goes, read from the timestamps of the log lines that mark its milestones,
 * in milliseconds since the JVM's launch. Both sides log with Spring Boot's default pattern, whose
 * lines begin with an ISO timestamp. A milestone a side does not reach (bare Camunda runs no
 * Liquibase and seeds nothing) stays empty.
 */
record StartUpPhases(Map<Milestone, Long> reached) {

  /** The milestones in the order the start reaches them, each with the log line that marks it. */
  enum Milestone {
    SPRING("JVM up, Spring starts", "Starting \\S+ using Java"),
    WEB_CONTEXT(
        "web context created (beans defined)", "Root WebApplicationContext: initialization"),
    LIQUIBASE("Liquibase done (a thread of its own)", "liquibase\\.command .*Command execution"),
    ENGINE_WAITS("engine configured, waits for Liquibase", "The engine waits for the database"),
    ENGINE("engine built (schema checked or created)", "ENGINE-00001 Process Engine"),
    IDENTITY("identities seeded (start-up thread)", "Identity and authorizations in place"),
    MODELS("models deployed (start-up thread)", "Deployed new or changed models|Models unchanged"),
    FILTERS("Tasklist filters", "Tasklist filters in place|STARTER-SB015 Create initial filter"),
    TOMCAT("webapps, REST, security: Tomcat started", "Tomcat started on port"),
    TASKLIST("Tasklist answers 200 (polled)", null),
    DEMO("demo seeded, first health check started", "first (collaboration )?health check");

    final String label;
    final Pattern line;

    Milestone(String label, String line) {
      this.label = label;
      this.line = line == null ? null : Pattern.compile(line);
    }
  }

  /**
   * @param log the application's output
   * @param launchedAt the launch of its JVM, epoch milliseconds
   * @param tasklist milliseconds from the launch until Tasklist answered
   */
  static StartUpPhases read(List<String> log, long launchedAt, long tasklist) {
    Map<Milestone, Long> reached = new LinkedHashMap<>();
    for (String line : log) {
      for (Milestone milestone : Milestone.values()) {
        if (milestone.line != null
            && !reached.containsKey(milestone)
            && milestone.line.matcher(line).find()) {
          timestamp(line).ifPresent(at -> reached.put(milestone, at - launchedAt));
        }
      }
    }
    reached.put(Milestone.TASKLIST, tasklist);
    return new StartUpPhases(reached);
  }

  private static OptionalLong timestamp(String line) {
    int end = line.indexOf(' ');
    if (end < 0) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(
          OffsetDateTime.parse(line.substring(0, end)).toInstant().toEpochMilli());
    } catch (DateTimeParseException notALogLine) {
      return OptionalLong.empty();
    }
  }

  /**
   * The median of each milestone over the starts of both sides, in the order the product reaches
   * them, and each side's step from the row before: with work in threads of their own, the steps
   * are the gaps on one time line, not the durations of phases.
   */
  static String table(List<StartUpPhases> product, List<StartUpPhases> bare) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Where the start-up's time goes: median ms since the JVM's launch, and the step since the"
            + " row before");
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-42s %9s %7s %9s %7s",
            "milestone (log line)",
            "product",
            "step",
            "bare",
            "step"));
    List<Milestone> rows =
        Arrays.stream(Milestone.values())
            .filter(row -> median(product, row) != null || median(bare, row) != null)
            .sorted(
                Comparator.comparing(
                    row -> median(product, row) == null ? Long.MAX_VALUE : median(product, row)))
            .toList();
    Long productBefore = 0L;
    Long bareBefore = 0L;
    for (Milestone row : rows) {
      Long productAt = median(product, row);
      Long bareAt = median(bare, row);
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-42s %9s %7s %9s %7s",
              row.label,
              figure(productAt),
              step(productAt, productBefore),
              figure(bareAt),
              step(bareAt, bareBefore)));
      productBefore = productAt == null ? productBefore : productAt;
      bareBefore = bareAt == null ? bareBefore : bareAt;
    }
    return String.join("\n", lines);
  }

  private static Long median(List<StartUpPhases> starts, Milestone milestone) {
    List<Long> values =
        starts.stream()
            .map(start -> start.reached().get(milestone))
            .filter(value -> value != null)
            .sorted()
            .toList();
    return values.isEmpty() ? null : values.get(values.size() / 2);
  }

  private static String figure(Long value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
  }

  private static String step(Long value, Long before) {
    return value == null ? "" : String.format(Locale.ROOT, "%+,d", value - before);
  }
}
