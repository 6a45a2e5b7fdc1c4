package org.opencollab.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opencollab.language.Language;
import org.opencollab.variables.InvalidFieldException;

/** The days asked for: both included, open ends, and every bad day named by its field. */
class DayPeriodTest {

  @Test
  void bothDaysAreIncludedOnTheServersClock() {
    DayPeriod period = DayPeriod.of("2026-11-01", " 2026-11-30 ");

    ZoneId zone = ZoneId.systemDefault();
    assertThat(period.since()).isEqualTo(LocalDate.of(2026, 11, 1).atStartOfDay(zone).toInstant());
    assertThat(period.until()).isEqualTo(LocalDate.of(2026, 12, 1).atStartOfDay(zone).toInstant());
  }

  @Test
  void aDayLeftOutLeavesItsEndOpen() {
    DayPeriod period = DayPeriod.of(null, " ");

    assertThat(period.since()).isNull();
    assertThat(period.until()).isNull();
  }

  @Test
  void aBadDayIsNamedByItsField() {
    assertThatThrownBy(() -> DayPeriod.of("28.11.2026", null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            invalid -> {
              assertThat(invalid.field()).isEqualTo("from");
              assertThat(invalid.message(Language.ENGLISH))
                  .isEqualTo(
                      "from: must be a day written yyyy-MM-dd, such as 2026-11-28, got 28.11.2026");
              assertThat(invalid.message(Language.CHINESE)).startsWith("from: 必须是");
            });
    assertThatThrownBy(() -> DayPeriod.of("2026-11-30", "2026-11-01"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            invalid ->
                assertThat(invalid.message(Language.ENGLISH))
                    .isEqualTo("to: must not be before from 2026-11-30, got 2026-11-01"));
  }

  /** A far-off year parses, but no database or Date holds it: refused, not a 500 later. */
  @Test
  void aFarOffDayIsRefused() {
    assertThatThrownBy(() -> DayPeriod.of(null, "+999999999-12-31"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            invalid ->
                assertThat(invalid.message(Language.ENGLISH))
                    .isEqualTo(
                        "to: must be a day from 1970-01-01 to 9999-12-30, got +999999999-12-31"));
    assertThatThrownBy(() -> DayPeriod.of("1969-12-31", null))
        .isInstanceOf(InvalidFieldException.class);
    assertThat(DayPeriod.of("9999-12-30", "9999-12-30").until()).isNotNull();
  }
}
