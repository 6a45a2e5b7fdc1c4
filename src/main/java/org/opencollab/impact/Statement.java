package org.opencollab.impact;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opencollab.incentive.IncentiveStatement;
import org.opencollab.loss.LossStatement;
import org.opencollab.money.Money;

/**
 * The money of one statement as the ledger keeps it: per department the KPI credit, the part of the
 * bonus pool and the loss; per person (and department) the bonus, the star, the promotion points
 * and the free-rider flag.
 */
public record Statement(
    String opportunityId,
    String kind,
    SortedMap<String, Department> departments,
    SortedMap<String, Person> people) {

  public record Department(BigDecimal kpiCredit, BigDecimal pool, BigDecimal loss) {}

  /** A person's line; {@code promotionPoints} counts the star's points and the support's. */
  public record Person(
      String userId,
      String department,
      BigDecimal bonus,
      boolean star,
      int promotionPoints,
      boolean freeRider) {}

  /** A person's key among the lines: the same person may work for two departments. */
  public static String personKey(String userId, String department) {
    return userId + "\u0000" + department;
  }

  public static Statement of(IncentiveStatement statement, String kind) {
    SortedMap<String, Department> departments = new TreeMap<>();
    statement
        .departments()
        .forEach(
            line ->
                departments.put(
                    line.department(), new Department(line.kpiCredit(), line.pool(), Money.ZERO)));
    SortedMap<String, Person> people = new TreeMap<>();
    statement
        .members()
        .forEach(
            member ->
                people.put(
                    personKey(member.userId(), member.department()),
                    new Person(
                        member.userId(),
                        member.department(),
                        member.bonus(),
                        member.collaborationStar(),
                        member.promotionPoints(),
                        member.freeRider())));
    return new Statement(statement.opportunityId(), kind, departments, people);
  }

  public static Statement of(LossStatement statement, String kind) {
    SortedMap<String, Department> departments = new TreeMap<>();
    statement
        .departments()
        .forEach(
            line ->
                departments.put(
                    line.department(), new Department(Money.ZERO, Money.ZERO, line.loss())));
    SortedMap<String, Person> people = new TreeMap<>();
    if (statement.members() != null) {
      statement
          .members()
          .forEach(
              member ->
                  people.put(
                      personKey(member.userId(), member.department()),
                      new Person(
                          member.userId(),
                          member.department(),
                          Money.ZERO,
                          false,
                          member.promotionPoints(),
                          member.freeRider())));
    }
    return new Statement(statement.opportunityId(), kind, departments, people);
  }
}
