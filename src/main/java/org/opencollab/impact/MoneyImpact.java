package org.opencollab.impact;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollab.money.Money;

/**
 * What an edited incentive policy does to the money: the statements of the period as recorded set
 * against the same statements computed again with the edited policy, added up per department (KPI
 * credit, bonus pool, loss) and per person (bonus, stars, promotion points, free-rider flags), to
 * the cent; and, per statement that changes, the lines that change. Plain figures in, figures out.
 *
 * @param statements the statements computed again
 * @param changedStatements those whose money or points differ
 * @param notRecomputed the statements of the period that could not be computed again, and why
 */
public record MoneyImpact(
    int statements,
    int changedStatements,
    List<DepartmentChange> departments,
    List<PersonChange> people,
    List<StatementChange> changes,
    List<NotRecomputed> notRecomputed) {

  /** A recorded statement and the same statement under the edited policy. */
  public record Comparison(Statement before, Statement after) {}

  /** A statement of the period that could not be computed again. */
  public record NotRecomputed(String opportunityId, String kind, String reason) {}

  public record DepartmentChange(
      String department,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal kpiCreditBefore,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal kpiCreditAfter,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal kpiCreditChange,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal poolBefore,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal poolAfter,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal poolChange,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lossBefore,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lossAfter,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lossChange) {

    boolean changed() {
      return kpiCreditChange.signum() != 0 || poolChange.signum() != 0 || lossChange.signum() != 0;
    }
  }

  public record PersonChange(
      String userId,
      String department,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bonusBefore,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bonusAfter,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bonusChange,
      int starsBefore,
      int starsAfter,
      int promotionPointsBefore,
      int promotionPointsAfter,
      int promotionPointsChange,
      int freeRiderFlagsBefore,
      int freeRiderFlagsAfter) {

    boolean changed() {
      return bonusChange.signum() != 0
          || starsBefore != starsAfter
          || promotionPointsChange != 0
          || freeRiderFlagsBefore != freeRiderFlagsAfter;
    }
  }

  /** One statement's lines that change. */
  public record StatementChange(
      String opportunityId,
      String kind,
      List<DepartmentChange> departments,
      List<PersonChange> people) {}

  public static MoneyImpact of(List<Comparison> comparisons, List<NotRecomputed> notRecomputed) {
    List<StatementChange> changes = new ArrayList<>();
    for (Comparison comparison : comparisons) {
      List<DepartmentChange> departments =
          departments(List.of(comparison)).stream().filter(DepartmentChange::changed).toList();
      List<PersonChange> people =
          people(List.of(comparison)).stream().filter(PersonChange::changed).toList();
      if (!departments.isEmpty() || !people.isEmpty()) {
        changes.add(
            new StatementChange(
                comparison.before().opportunityId(),
                comparison.before().kind(),
                departments,
                people));
      }
    }
    return new MoneyImpact(
        comparisons.size(),
        changes.size(),
        departments(comparisons),
        people(comparisons),
        List.copyOf(changes),
        List.copyOf(notRecomputed));
  }

  private static List<DepartmentChange> departments(List<Comparison> comparisons) {
    SortedMap<String, BigDecimal[]> sums = new TreeMap<>();
    for (Comparison comparison : comparisons) {
      add(sums, comparison.before().departments(), 0);
      add(sums, comparison.after().departments(), 3);
    }
    List<DepartmentChange> rows = new ArrayList<>();
    sums.forEach(
        (department, s) ->
            rows.add(
                new DepartmentChange(
                    department,
                    s[0],
                    s[3],
                    s[3].subtract(s[0]),
                    s[1],
                    s[4],
                    s[4].subtract(s[1]),
                    s[2],
                    s[5],
                    s[5].subtract(s[2]))));
    return List.copyOf(rows);
  }

  private static void add(
      SortedMap<String, BigDecimal[]> sums, Map<String, Statement.Department> lines, int offset) {
    lines.forEach(
        (department, line) -> {
          BigDecimal[] s =
              sums.computeIfAbsent(
                  department,
                  ignored ->
                      new BigDecimal[] {
                        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO
                      });
          s[offset] = s[offset].add(line.kpiCredit());
          s[offset + 1] = s[offset + 1].add(line.pool());
          s[offset + 2] = s[offset + 2].add(line.loss());
        });
  }

  private static List<PersonChange> people(List<Comparison> comparisons) {
    TreeSet<String> keys = new TreeSet<>();
    comparisons.forEach(
        comparison -> {
          keys.addAll(comparison.before().people().keySet());
          keys.addAll(comparison.after().people().keySet());
        });
    List<PersonChange> rows = new ArrayList<>();
    for (String key : keys) {
      Tally before = new Tally();
      Tally after = new Tally();
      Statement.Person any = null;
      for (Comparison comparison : comparisons) {
        Statement.Person was = comparison.before().people().get(key);
        Statement.Person is = comparison.after().people().get(key);
        before.add(was);
        after.add(is);
        any = any != null ? any : was != null ? was : is;
      }
      rows.add(
          new PersonChange(
              any.userId(),
              any.department(),
              before.bonus,
              after.bonus,
              after.bonus.subtract(before.bonus),
              before.stars,
              after.stars,
              before.points,
              after.points,
              after.points - before.points,
              before.freeRiders,
              after.freeRiders));
    }
    return List.copyOf(rows);
  }

  /** A person's figures added up over statements. */
  private static final class Tally {
    BigDecimal bonus = Money.ZERO;
    int stars;
    int points;
    int freeRiders;

    void add(Statement.Person line) {
      if (line == null) {
        return;
      }
      bonus = bonus.add(line.bonus());
      stars += line.star() ? 1 : 0;
      points = Math.addExact(points, line.promotionPoints());
      freeRiders += line.freeRider() ? 1 : 0;
    }
  }
}
