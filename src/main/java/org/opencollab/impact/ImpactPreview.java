package org.opencollab.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.opencollab.confidential.Confidential;
import org.opencollab.language.Language;
import org.opencollab.ledger.Ledger;
import org.opencollab.security.SignedInUser;
import org.opencollab.variables.InvalidVariableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Replays a decision's recorded evaluations of a period through an edited table (docs/
 * process-owners.md, "Preview a rule change against history") and, for {@code incentivePolicy},
 * computes the period's statements again with the edited policy. Nothing is deployed and nothing is
 * written.
 */
@Component
public class ImpactPreview {

  /** The decision whose outputs are the money rules. */
  public static final String INCENTIVE_POLICY = "incentivePolicy";

  /**
   * At most this many evaluations are replayed through an edited table per preview: its FEEL comes
   * from outside, and a costly expression times a long history must not hold the server.
   */
  static final int MAX_REPLAYED = 20_000;

  private final RecordedEvaluations evaluations;
  private final RecordedStatements statements;
  private final int maxReplayed;

  @Autowired
  public ImpactPreview(RecordedEvaluations evaluations, RecordedStatements statements) {
    this(evaluations, statements, MAX_REPLAYED);
  }

  /** Replaying at most {@code maxReplayed} evaluations (tests use few). */
  ImpactPreview(RecordedEvaluations evaluations, RecordedStatements statements, int maxReplayed) {
    this.evaluations = evaluations;
    this.statements = statements;
    this.maxReplayed = maxReplayed;
  }

  /** Whether a decision with this key is deployed. */
  public boolean knows(String decisionKey) {
    return evaluations.latest(decisionKey) != null;
  }

  /**
   * The preview of {@code file} as decision {@code decisionKey} over {@code from} to {@code to},
   * both days included in server time, either open.
   *
   * @throws InvalidDecisionFile when the file cannot be previewed
   */
  public ImpactReport preview(String decisionKey, byte[] file, LocalDate from, LocalDate to) {
    DecisionDefinition deployed = evaluations.latest(decisionKey);
    EditedDecision edited =
        EditedDecision.parse(decisionKey, file, evaluations.deployedColumns(deployed));
    ZoneId zone = ZoneId.systemDefault();
    Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
    Instant until = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();

    List<String> names = edited.outputs().stream().map(EditedDecision.OutputColumn::name).toList();
    List<ImpactReport.Change> changes = new ArrayList<>();
    int[] counts = new int[2]; // replayed, not replayed
    evaluations.each(
        decisionKey,
        start,
        until,
        recorded -> {
          if (!edited.replays(recorded.inputs())) {
            counts[1]++;
            return;
          }
          if (++counts[0] > maxReplayed) {
            throw new InvalidDecisionFile(
                "from",
                "the period holds more than "
                    + maxReplayed
                    + " evaluations of "
                    + decisionKey
                    + ", more than one preview replays: choose a shorter period",
                "该期间内 " + decisionKey + " 的评估超过 " + maxReplayed + " 次，超出一次预览可重放的数量：请选择更短的期间");
          }
          Outcome after = evaluate(edited, recorded).ordered(names);
          Outcome before = recorded.outcome().ordered(names);
          if (!after.sameAs(before)) {
            changes.add(
                new ImpactReport.Change(
                    recorded.opportunityId(),
                    recorded.id(),
                    recorded.evaluated().toString(),
                    edited.byEditedColumn(recorded.inputs()),
                    before.shown(edited.singleResult()),
                    after.shown(edited.singleResult()),
                    before.differingOutputs(after, names)));
          }
        });
    MoneyImpact money = INCENTIVE_POLICY.equals(decisionKey) ? money(edited, start, until) : null;
    return new ImpactReport(
        decisionKey,
        edited.name(),
        from == null ? null : from.toString(),
        to == null ? null : to.toString(),
        counts[0],
        changes.size(),
        counts[1],
        edited.inputs(),
        edited.outputs(),
        List.copyOf(changes),
        money);
  }

  private static Outcome evaluate(EditedDecision edited, RecordedEvaluations.Recorded recorded) {
    try {
      return edited.evaluate(recorded.inputs());
    } catch (RuntimeException e) {
      String which =
          recorded.opportunityId() == null
              ? recorded.evaluated().toString()
              : recorded.opportunityId() + ", " + recorded.evaluated();
      throw new InvalidDecisionFile(
          "cannot evaluate the inputs recorded in evaluation "
              + recorded.id()
              + " ("
              + which
              + "): "
              + Reasons.of(e),
          "无法对评估 " + recorded.id() + "（" + which + "）记录的输入求值：" + Reasons.of(e));
    }
  }

  /**
   * The period's statements, as recorded and under the edited policy. They are computed from the
   * team's sealed ratings, so the caller must be one who reads confidential answers ({@link
   * Confidential#mayRead}), whoever else the preview is for.
   */
  private MoneyImpact money(EditedDecision edited, Instant start, Instant until) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (!(signedIn != null
        && signedIn.getPrincipal() instanceof SignedInUser caller
        && Confidential.mayRead(caller.groups()))) {
      throw new AccessDeniedException(
          "the money of an incentivePolicy preview is computed from sealed ratings, which the"
              + " caller may not read");
    }
    List<RecordedStatements.Entry> entries = new ArrayList<>();
    for (RecordedStatements.Entry entry : statements.inPeriod(start, until)) {
      // a loss of a model version that rated nobody has no policy to change
      if (!Ledger.LOSS.equals(entry.recorded().kind()) || statements.hadPolicy(entry)) {
        entries.add(entry);
      }
    }
    Set<String> instances = new HashSet<>();
    entries.forEach(entry -> instances.add(entry.processInstanceId()));
    Map<String, RecordedEvaluations.Recorded> policies =
        evaluations.latestOf(INCENTIVE_POLICY, instances);
    List<MoneyImpact.Comparison> comparisons = new ArrayList<>();
    List<MoneyImpact.NotRecomputed> notRecomputed = new ArrayList<>();
    for (RecordedStatements.Entry entry : entries) {
      Statement recorded = entry.recorded();
      RecordedEvaluations.Recorded policy = policies.get(entry.processInstanceId());
      if (policy == null || !edited.replays(policy.inputs())) {
        notRecomputed.add(
            new MoneyImpact.NotRecomputed(
                recorded.opportunityId(),
                recorded.kind(),
                Language.say(
                    "its opportunity's history has no evaluation of incentivePolicy to replay",
                    "其商机的历史中没有可重放的 incentivePolicy 评估")));
        continue;
      }
      Outcome outcome = evaluate(edited, policy);
      if (outcome.entries().size() != 1) {
        notRecomputed.add(
            new MoneyImpact.NotRecomputed(
                recorded.opportunityId(),
                recorded.kind(),
                Language.say(
                    "the edited table gives no single policy for its inputs "
                        + policy.inputs().values()
                        + ": the calculation would stop there",
                    "编辑后的决策表对其输入 " + policy.inputs().values() + " 没有给出唯一的政策：计算将在此停止")));
        continue;
      }
      try {
        comparisons.add(
            new MoneyImpact.Comparison(
                recorded, statements.recompute(entry, outcome.entries().get(0))));
      } catch (InvalidVariableException e) {
        if ("incentivePolicy".equals(e.variable())) {
          throw new InvalidDecisionFile(
              "the incentive calculation refuses the edited policy: " + e.message(Language.ENGLISH),
              "激励计算拒绝编辑后的政策：" + e.message(Language.CHINESE));
        }
        notRecomputed.add(
            new MoneyImpact.NotRecomputed(
                recorded.opportunityId(), recorded.kind(), e.message(Language.current())));
      }
    }
    return MoneyImpact.of(comparisons, notRecomputed);
  }
}
