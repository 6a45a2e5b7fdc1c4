/**
 * The policy impact preview (docs/process-owners.md, "Preview a rule change against history"): an
 * edited decision table, parsed but never deployed, replays the inputs that the engine recorded for
 * that decision's evaluations in a period and says which outcomes would change; for {@code
 * incentivePolicy}, the product's own incentive and loss calculations run again with the edited
 * policy and are set against the statements in the ledger, to the cent. The preview's API and page.
 */
package org.opencollab.impact;
