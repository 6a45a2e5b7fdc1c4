/**
 * The collaboration health check (process {@code collaborationHealthCheck}): reading a period of
 * the engine's history, the figures it yields, the report with its maturity levels (overall and per
 * department) and warnings, its comparison with the check before, sending the warnings to the
 * people they concern, the coordinators' follow-ups, and the report's API and page.
 */
package org.opencollab.health;
