/**
 * The collaboration health check (process {@code collaborationHealthCheck}): reading a period of
 * the engine's history, the figures it yields, the report with its maturity levels and warnings,
 * and the report's API and page.
 */
package org.opencollab.health;
