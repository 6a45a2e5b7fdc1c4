package org.opencollab.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.opencollab.variables.InvalidFieldException;

/**
 * The days {@code from} to {@code to}, both included, as the waiting times and the decision preview
 * are asked for them: each written {@code yyyy-MM-dd}, either left out for an open end, {@code to}
 * not before {@code from}, each between 1970-01-01 and 9999-12-30 (the database's and Java's dates
 * reach no further). A day begins at midnight on the server's clock.
 */
public record DayPeriod(LocalDate first, LocalDate last) {

  static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

  /**
   * Reads the period from the request's {@code from} and {@code to}.
   *
   * @throws InvalidFieldException naming {@code from} or {@code to}, in both languages
   */
  public static DayPeriod of(String from, String to) {
    LocalDate first = day("from", from);
    LocalDate last = day("to", to);
    if (first != null && last != null && last.isBefore(first)) {
      throw new InvalidFieldException(
          "to",
          "must not be before from " + first + ", got " + last,
          "不得早于 from " + first + "，实际为 " + last);
    }
    return new DayPeriod(first, last);
  }

  /** The first instant of the period, or null when it has no first day. */
  public Instant since() {
    return first == null ? null : first.atStartOfDay(ZoneId.systemDefault()).toInstant();
  }

  /** The first instant after the period, or null when it has no last day. */
  public Instant until() {
    return last == null ? null : last.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
  }

  private static LocalDate day(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          field,
          "must be a day written yyyy-MM-dd, such as 2026-11-28, got " + text,
          "必须是 yyyy-MM-dd 格式的日期，如 2026-11-28，实际为 " + text);
    }
    if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
      throw new InvalidFieldException(
          field,
          "must be a day from " + EARLIEST + " to " + LATEST + ", got " + text,
          "必须是 " + EARLIEST + " 至 " + LATEST + " 之间的日期，实际为 " + text);
    }
    return day;
  }
}
