/**
 * The incentive statement of a delivered opportunity (docs/money.md): the calculator, its input and
 * policy, peer scores, and the service task that runs it.
 */
package org.opencollab.incentive;
