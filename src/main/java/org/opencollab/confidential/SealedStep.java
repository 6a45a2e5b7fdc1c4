package org.opencollab.confidential;

import java.util.List;

/**
 * A step whose answers are secret until the step is decided (docs/operators.md, "Secret ballots and
 * sealed ratings"): each person answers alone, {@link SealedAnswers} keeps the answer out of the
 * engine, and once the step is decided its answers are gathered into {@code gathered}, which only
 * {@link Confidential#mayRead oversight} reads.
 *
 * @param processKey the process the step belongs to
 * @param step the user task's id (task definition key)
 * @param fields what each person enters, kept out of the engine's runtime and history
 * @param gathered where the answers go once the step is decided and unsealed
 * @param decidedBy the variable that says the step is decided: set, and not {@code false}
 * @param hidesWhoAnswered whether who answered, and when, is itself confidential: with a public
 *     tally, the order of a vote's answers tells how each member voted
 */
public record SealedStep(
    String processKey,
    String step,
    List<String> fields,
    List<String> gathered,
    String decidedBy,
    boolean hidesWhoAnswered) {}
