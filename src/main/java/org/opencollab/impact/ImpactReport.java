package org.opencollab.impact;

import java.util.List;
import java.util.Map;

/**
 * The preview's answer: how many evaluations of the period the edited table replayed, how many of
 * their outcomes change, and each change; for {@code incentivePolicy}, the effect on the money.
 *
 * @param from the first day of the period, as asked ({@code null}: since the first evaluation)
 * @param to the last day of the period, as asked ({@code null}: until now)
 * @param evaluations the evaluations replayed
 * @param changed those whose outcome differs
 * @param notReplayed evaluations of the period that could not be replayed: they lack a value for an
 *     input column of the edited table (an older version of the decision had no such column)
 * @param inputs the edited table's input columns
 * @param outputs the edited table's output columns, with their labels
 * @param changes one per changed outcome, oldest first
 * @param money the effect on the statements of the period; only for {@code incentivePolicy}
 */
public record ImpactReport(
    String decisionKey,
    String decisionName,
    String from,
    String to,
    int evaluations,
    int changed,
    int notReplayed,
    List<EditedDecision.Column> inputs,
    List<EditedDecision.OutputColumn> outputs,
    List<Change> changes,
    MoneyImpact money) {

  /**
   * An evaluation whose outcome changes.
   *
   * @param opportunityId the opportunity that evaluated it; {@code null} for an evaluation outside
   *     an opportunity (the health check's, a recusal)
   * @param inputs the recorded inputs, by input column id
   * @param before the outcome recorded: the outputs by name (a list of them for a table that
   *     collects), {@code null} when no rule matched
   * @param after the outcome of the edited table
   * @param changedOutputs the names of the outputs that differ
   */
  public record Change(
      String opportunityId,
      String evaluationId,
      String evaluated,
      Map<String, Object> inputs,
      Object before,
      Object after,
      List<String> changedOutputs) {}
}
