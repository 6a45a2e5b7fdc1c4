/**
 * One script of the process: the steps of a worked opportunity through {@code
 * opportunityToDelivery} (which task, who does it, what they enter), written once as data in {@link
 * org.opencollab.script.WorkedOpportunity}, and the transports that play them. The demo seeding
 * plays them through the Java API ({@link org.opencollab.script.EngineSteps}); the tests play the
 * same steps through the Java API, over REST and in the browser.
 */
package org.opencollab.script;
