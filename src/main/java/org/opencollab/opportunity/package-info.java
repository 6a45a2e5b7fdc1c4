/**
 * The opportunity from identification to delivery (process {@code opportunityToDelivery}): its
 * variables and rules, the team, shares and sign-offs, pinned decisions, service levels and the
 * listeners of its steps.
 */
package org.opencollab.opportunity;
