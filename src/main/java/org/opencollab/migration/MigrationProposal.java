package org.opencollab.migration;

import java.util.List;

/**
 * A plan to move the running instances of one version of a process to its latest version, as {@code
 * POST /api/migrations/{processKey}} answers it: the plan's instructions (which step becomes
 * which), what makes the plan itself invalid ({@code planProblems}, then nothing moves), the
 * instances it can move, those it cannot with the reasons, and the batch that moves them when it
 * was run ({@code batchId}, null for a dry run or when nothing could move).
 */
public record MigrationProposal(
    String processKey,
    int fromVersion,
    String fromDefinitionId,
    int toVersion,
    String toDefinitionId,
    List<Instruction> instructions,
    List<Reason> planProblems,
    List<RunningInstance> movable,
    List<Refused> refused,
    String batchId) {

  /** Step {@code from} of the old version becomes step {@code to} of the new one. */
  public record Instruction(
      String from,
      String fromEnglish,
      String fromChinese,
      String to,
      String toEnglish,
      String toChinese) {}

  /** An instance the plan cannot move, and why. */
  public record Refused(RunningInstance instance, List<Reason> reasons) {}

  MigrationProposal withBatch(String id) {
    return new MigrationProposal(
        processKey,
        fromVersion,
        fromDefinitionId,
        toVersion,
        toDefinitionId,
        instructions,
        planProblems,
        movable,
        refused,
        id);
  }
}
