/**
 * @-mentions in task comments: who a comment mentions, whether they may read what it is about, and
 * telling them by mail and in their department's chat group.
 */
package org.opencollab.mention;
