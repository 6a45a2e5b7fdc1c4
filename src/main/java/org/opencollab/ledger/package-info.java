/**
 * The ledger (docs/auditors.md): what each approved statement credits to departments and people,
 * its totals over a period, and the ledger's API and page.
 */
package org.opencollab.ledger;
