package org.opencollab.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencollab.ledger.LedgerTotals.DepartmentEntry;
import org.opencollab.ledger.LedgerTotals.PersonEntry;
import org.opencollab.ledger.LedgerTotals.PersonTotal;

/**
 * The ledger's figures added up from its lines (docs/auditors.md, "The ledger"): months in the
 * server's time zone, totals to the cent, and people's places.
 */
class LedgerSumsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aLineBelongsToTheMonthOfTheServersClock() {
    // 30 November, 20:00 UTC is 1 December, 04:00 in Shanghai.
    List<DepartmentEntry> lines =
        List.of(
            line(
                "OPP-1", Ledger.INCENTIVE, "2026-11-30T15:59:59Z", "SALES", "100.01", "10.01", "0"),
            line("OPP-2", Ledger.INCENTIVE, "2026-11-30T20:00:00Z", "SALES", "0.01", "0.01", "0"),
            line("OPP-3", Ledger.LOSS, "2026-12-31T16:00:00Z", "SALES", "0", "0", "7.77"),
            line("OPP-2", Ledger.INCENTIVE, "2026-11-30T20:00:00Z", "TECH", "0.99", "0.09", "0"),
            line("OPP-4", Ledger.LOSS, "2026-12-01T02:00:00Z", "SALES", "0", "0", "0.33"));

    assertThat(LedgerSums.byMonth(lines, SHANGHAI))
        .extracting(
            LedgerTotals.MonthTotal::month,
            LedgerTotals.MonthTotal::department,
            row -> row.kpiCredit().toPlainString(),
            row -> row.pool().toPlainString(),
            row -> row.loss().toPlainString(),
            LedgerTotals.MonthTotal::incentiveStatements,
            LedgerTotals.MonthTotal::lossStatements)
        .containsExactly(
            tuple("2026-11", "SALES", "100.01", "10.01", "0.00", 1, 0),
            tuple("2026-12", "SALES", "0.01", "0.01", "0.33", 1, 1),
            tuple("2026-12", "TECH", "0.99", "0.09", "0.00", 1, 0),
            tuple("2027-01", "SALES", "0.00", "0.00", "7.77", 0, 1));
    assertThat(LedgerSums.byMonth(lines, ZoneId.of("UTC")))
        .extracting(LedgerTotals.MonthTotal::month)
        .containsExactly("2026-11", "2026-11", "2026-12");
  }

  @Test
  void aDepartmentsTotalIsItsLinesToTheCent() {
    List<DepartmentEntry> lines =
        List.of(
            line("OPP-1", Ledger.INCENTIVE, "2026-11-01T10:00:00Z", "SALES", "0.10", "0.01", "0"),
            line("OPP-2", Ledger.INCENTIVE, "2026-11-02T10:00:00Z", "SALES", "0.20", "0.02", "0"),
            line("OPP-3", Ledger.LOSS, "2026-11-03T10:00:00Z", "SALES", "0", "0", "0.30"));

    LedgerTotals.DepartmentTotal total = LedgerSums.departmentTotal("SALES", lines);

    assertThat(total.kpiCredit()).isEqualTo(new BigDecimal("0.30"));
    assertThat(total.pool()).isEqualTo(new BigDecimal("0.03"));
    assertThat(total.loss()).isEqualTo(new BigDecimal("0.30"));
    assertThat(total.incentiveStatements()).isEqualTo(2);
    assertThat(total.lossStatements()).isEqualTo(1);
    assertThat(LedgerSums.departmentTotal("TECH", List.of()).kpiCredit().toPlainString())
        .isEqualTo("0.00");
  }

  @Test
  void aPersonsTotalNamesTheirDepartmentOnlyWhenThereIsOne() {
    PersonEntry sales = person("OPP-1", "SALES", "10.05", true, 10, false);
    PersonEntry tech = person("OPP-2", "TECH", "0.05", false, 0, true);

    PersonTotal both = LedgerSums.personTotal("alice", null, List.of(sales, tech));
    PersonTotal one = LedgerSums.personTotal("alice", null, List.of(sales));

    assertThat(both)
        .isEqualTo(new PersonTotal("alice", null, 2, new BigDecimal("10.10"), 1, 10, 1));
    assertThat(one.department()).isEqualTo("SALES");
  }

  @Test
  void mostBonusRanksFirstThenPromotionPointsThenStarsAndEqualsSharePlaces() {
    List<PersonTotal> rows =
        List.of(
            total("alice", "100.00", 10, 1),
            total("bob", "100.00", 10, 2),
            total("carol", "100.00", 20, 0),
            total("dave", "100.01", 0, 0),
            total("sam", "0.00", 0, 0),
            total("tina", "100.00", 10, 1));

    assertThat(LedgerSums.ranked(rows))
        .extracting(row -> row.person().userId(), LedgerTotals.RankedPerson::rank)
        .containsExactly(
            tuple("alice", 4),
            tuple("bob", 3),
            tuple("carol", 2),
            tuple("dave", 1),
            tuple("sam", 6),
            tuple("tina", 4));
  }

  private static DepartmentEntry line(
      String opportunity,
      String kind,
      String recorded,
      String department,
      String kpiCredit,
      String pool,
      String loss) {
    return new DepartmentEntry(
        opportunity,
        kind,
        Instant.parse(recorded),
        department,
        new BigDecimal(kpiCredit).setScale(2),
        new BigDecimal(pool).setScale(2),
        new BigDecimal(loss).setScale(2));
  }

  private static PersonEntry person(
      String opportunity,
      String department,
      String bonus,
      boolean star,
      int points,
      boolean freeRider) {
    return new PersonEntry(
        opportunity,
        Ledger.INCENTIVE,
        Instant.parse("2026-11-01T10:00:00Z"),
        "alice",
        department,
        new BigDecimal(bonus),
        star,
        points,
        freeRider);
  }

  private static PersonTotal total(String userId, String bonus, int points, int stars) {
    return new PersonTotal(userId, "SALES", 1, new BigDecimal(bonus), stars, points, 0);
  }
}
