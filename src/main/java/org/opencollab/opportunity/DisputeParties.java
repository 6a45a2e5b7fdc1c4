package org.opencollab.opportunity;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import org.opencollab.money.Money;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * The parties and the amount of the disputes the opportunity raises, read by the model as {@code
 * ${disputes.smallestShare(departmentShares)}} and so on. When the committee refuses the incentive
 * statement, the department with the smallest share raises an {@code INCENTIVE_SPLIT} dispute
 * against the department with the largest (ties go to the smaller code).
 */
@Component("disputes")
public class DisputeParties {

  public String smallestShare(Object departmentShares) {
    SortedMap<String, Integer> shares = shares(departmentShares);
    String smallest = null;
    for (Map.Entry<String, Integer> share : shares.entrySet()) {
      if (smallest == null || share.getValue() < shares.get(smallest)) {
        smallest = share.getKey();
      }
    }
    return smallest;
  }

  public String largestShareOtherThan(Object departmentShares, String raisedBy) {
    return AgreementSignOff.largestShareOtherThan(shares(departmentShares), raisedBy);
  }

  /**
   * An amount at stake in CNY cents, as the dispute's start rule accepts it: a number rounded
   * half-up to the cent.
   */
  public double amount(Object value) {
    BigDecimal exact =
        value instanceof Number number
            ? new BigDecimal(number.toString())
            : new BigDecimal(value.toString());
    return Money.roundToCent(exact).doubleValue();
  }

  /** The statement's {@code bonusPool}: what an {@code INCENTIVE_SPLIT} dispute is about. */
  public double bonusPool(Object incentiveStatement) {
    return amount(JsonVariables.object(incentiveStatement).path("bonusPool").asText());
  }

  private static SortedMap<String, Integer> shares(Object departmentShares) {
    return VariableReader.of(name -> departmentShares)
        .integerMap(OpportunityVariables.DEPARTMENT_SHARES);
  }
}
