package org.opencollab.loss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opencollab.incentive.IncentiveCalculator;
import org.opencollab.incentive.TeamScores;
import org.opencollab.incentive.TeamScores.MemberScore;
import org.opencollab.loss.LossStatement.DepartmentLoss;
import org.opencollab.loss.LossStatement.MemberLine;
import org.opencollab.money.Allocation;
import org.opencollab.money.Money;
import org.opencollab.opportunity.DepartmentShares;
import org.opencollab.variables.InvalidVariableException;
import org.opencollab.variables.Rule;

/**
 * Risk sharing from the seed (风险共担): when an opportunity fails, the involved departments bear the
 * loss in proportion to what they put in, measured in hours, rather than one department taking the
 * blame. When nobody reported hours, the agreed shares are the only fair measure left. The team is
 * rated on a loss as on a delivery, so a free rider (搭便车) and the support given to other
 * departments (主动支持其他部门) count on every outcome.
 */
public final class LossAllocator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public LossStatement allocate(LossInput input) {
    validate(input);
    BigDecimal lossAmount = Money.cny(input.lossAmount());
    SortedMap<String, BigDecimal> hours = new TreeMap<>();
    input
        .departmentInputs()
        .forEach((department, reported) -> hours.put(department, reported.hours()));
    boolean noHours = hours.values().stream().allMatch(h -> h.signum() == 0);

    SortedMap<String, BigDecimal> weights = new TreeMap<>();
    if (noHours) {
      input
          .departmentShares()
          .forEach((department, share) -> weights.put(department, BigDecimal.valueOf(share)));
    } else {
      weights.putAll(hours);
    }
    BigDecimal totalWeight = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    SortedMap<String, BigDecimal> losses = Allocation.allocateByDecimals(lossAmount, weights);

    List<DepartmentLoss> departments = new ArrayList<>();
    input
        .departmentInputs()
        .forEach(
            (department, reported) ->
                departments.add(
                    new DepartmentLoss(
                        department,
                        reported.hours(),
                        Money.cny(reported.cost()),
                        weights
                            .get(department)
                            .multiply(HUNDRED)
                            .divide(totalWeight, 2, RoundingMode.HALF_UP),
                        losses.get(department))));
    return new LossStatement(
        input.opportunityId(),
        lossAmount,
        noHours ? LossStatement.BASIS_SHARES : LossStatement.BASIS_INPUT_HOURS,
        List.copyOf(departments),
        members(input));
  }

  /**
   * The team on a loss, rated as on the delivered path (360度评估): each member's scores, the
   * free-rider flag and the support given; no bonus and no star, as there is no pool to share.
   */
  private static List<MemberLine> members(LossInput input) {
    if (!input.rated()) {
      return List.of();
    }
    SortedMap<String, MemberScore> scores =
        TeamScores.of(input.teamMembers(), input.ratings(), input.policy());
    Set<String> freeRiders = IncentiveCalculator.freeRiders(scores, input.policy());
    List<MemberLine> members = new ArrayList<>();
    scores.forEach(
        (userId, score) -> {
          boolean freeRider = freeRiders.contains(userId);
          int supportPoints = IncentiveCalculator.supportPoints(score, freeRider, input.policy());
          members.add(
              new MemberLine(
                  userId,
                  score.member().department(),
                  score.peer().shown(),
                  score.peer().ratingsReceived(),
                  score.score().shown(),
                  freeRider,
                  List.copyOf(score.supportedDepartments()),
                  supportPoints,
                  supportPoints));
        });
    return List.copyOf(members);
  }

  private static void validate(LossInput input) {
    if (input.lossAmount().signum() < 0) {
      throw new InvalidVariableException("lossAmount", Rule.zeroOrMore());
    }
    DepartmentShares.validate("departmentShares", input.departmentShares());
    if (input.rated()) {
      TeamScores.validate(input.teamMembers(), input.ratings(), input.policy());
    }
    if (!input.departmentInputs().keySet().equals(input.departmentShares().keySet())) {
      throw new InvalidVariableException(
          "departmentInputs",
          new Rule(
                  "must report exactly the involved departments "
                      + input.departmentShares().keySet(),
                  "必须恰好填报参与的部门 " + input.departmentShares().keySet())
              .got(input.departmentInputs().keySet()));
    }
    input
        .departmentInputs()
        .forEach(
            (department, reported) -> {
              if (reported.hours() == null || reported.hours().signum() < 0) {
                throw new InvalidVariableException(
                    "departmentInputs",
                    department + " hours must be 0 or more",
                    department + " 的工时不得小于 0");
              }
              if (reported.cost() == null || reported.cost().signum() < 0) {
                throw new InvalidVariableException(
                    "departmentInputs",
                    department + " cost must be 0 or more",
                    department + " 的成本不得小于 0");
              }
              if (reported.cost().stripTrailingZeros().scale() > 2) {
                throw new InvalidVariableException(
                    "departmentInputs",
                    new Rule(
                            department + " cost must have at most two decimal places (CNY cents)",
                            department + " 的成本最多两位小数（人民币分）")
                        .got(reported.cost()));
              }
            });
  }
}
