/**
 * Moving running opportunities to a changed model (docs/process-owners.md, "Move running
 * opportunities to a new version"): the running instances per version of a process, a migration
 * plan to the latest version through Camunda's migration API, the instances it cannot move and why
 * in both languages, and the move itself as a Camunda batch; its API and page for process owners.
 */
package org.opencollab.migration;
