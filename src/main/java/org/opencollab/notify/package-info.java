/**
 * Mail: about new tasks, overdue tasks and sprints at risk, sent after the engine's transaction
 * commits.
 */
package org.opencollab.notify;
