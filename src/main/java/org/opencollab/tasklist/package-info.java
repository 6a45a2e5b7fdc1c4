/**
 * Camunda Tasklist as employees meet it: shared filters, bilingual task names with their context,
 * and reminders of overdue tasks.
 */
package org.opencollab.tasklist;
