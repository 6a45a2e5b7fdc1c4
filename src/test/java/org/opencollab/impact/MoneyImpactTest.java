package org.opencollab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The money of statements before and after a policy change, added up, without an engine. */
class MoneyImpactTest {

  @Test
  void departmentsAndPeopleAddUpOverStatementsToTheCent() {
    Statement first =
        statement(
            "OPP-1",
            department("SALES", "1000.00", "20.00"),
            person("alice", "SALES", "20.00", true, 10, false));
    Statement firstAfter =
        statement(
            "OPP-1",
            department("SALES", "1000.00", "25.00"),
            person("alice", "SALES", "25.00", true, 10, false));
    Statement second =
        statement(
            "OPP-2",
            department("SALES", "500.00", "10.00"),
            person("alice", "SALES", "6.67", false, 0, false),
            person("sam", "SALES", "3.33", false, 0, true));
    MoneyImpact impact =
        MoneyImpact.of(
            List.of(
                new MoneyImpact.Comparison(first, firstAfter),
                new MoneyImpact.Comparison(second, second)),
            List.of());

    assertThat(impact.statements()).isEqualTo(2);
    assertThat(impact.changedStatements()).isEqualTo(1);
    MoneyImpact.DepartmentChange sales = impact.departments().get(0);
    assertThat(sales.kpiCreditBefore()).isEqualByComparingTo("1500.00");
    assertThat(sales.kpiCreditChange()).isEqualByComparingTo("0.00");
    assertThat(sales.poolBefore()).isEqualByComparingTo("30.00");
    assertThat(sales.poolAfter()).isEqualByComparingTo("35.00");
    MoneyImpact.PersonChange alice = impact.people().get(0);
    assertThat(alice.userId()).isEqualTo("alice");
    assertThat(alice.bonusBefore()).isEqualByComparingTo("26.67");
    assertThat(alice.bonusChange()).isEqualByComparingTo("5.00");
    assertThat(alice.starsBefore()).isEqualTo(1);
    MoneyImpact.PersonChange sam = impact.people().get(1);
    assertThat(sam.freeRiderFlagsBefore()).isEqualTo(1);
    assertThat(sam.freeRiderFlagsAfter()).isEqualTo(1);
    assertThat(impact.changes()).hasSize(1);
    assertThat(impact.changes().get(0).opportunityId()).isEqualTo("OPP-1");
    assertThat(impact.changes().get(0).people()).extracting("userId").containsExactly("alice");
  }

  @Test
  void aPersonWhoAppearsOnlyAfterIsCounted() {
    Statement before = statement("OPP-3", department("TECH", "100.00", "1.00"));
    Statement after =
        statement(
            "OPP-3",
            department("TECH", "100.00", "1.00"),
            person("bob", "TECH", "1.00", false, 2, false));
    MoneyImpact impact =
        MoneyImpact.of(List.of(new MoneyImpact.Comparison(before, after)), List.of());
    assertThat(impact.people()).hasSize(1);
    assertThat(impact.people().get(0).bonusBefore()).isEqualByComparingTo("0.00");
    assertThat(impact.people().get(0).promotionPointsChange()).isEqualTo(2);
  }

  private static Object[] department(String code, String kpiCredit, String pool) {
    return new Object[] {
      code, new Statement.Department(new BigDecimal(kpiCredit), new BigDecimal(pool), zero())
    };
  }

  private static Statement.Person person(
      String userId, String department, String bonus, boolean star, int points, boolean free) {
    return new Statement.Person(userId, department, new BigDecimal(bonus), star, points, free);
  }

  private static Statement statement(String id, Object[] department, Statement.Person... people) {
    SortedMap<String, Statement.Department> departments = new TreeMap<>();
    departments.put((String) department[0], (Statement.Department) department[1]);
    SortedMap<String, Statement.Person> lines = new TreeMap<>();
    for (Statement.Person person : people) {
      lines.put(Statement.personKey(person.userId(), person.department()), person);
    }
    return new Statement(id, "INCENTIVE", departments, lines);
  }

  private static BigDecimal zero() {
    return new BigDecimal("0.00");
  }
}
