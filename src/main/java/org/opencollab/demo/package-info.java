/**
 * The demo run (profile {@code demo}): opportunities worked on its first start, so every demo user
 * finds work in Tasklist on day one.
 */
package org.opencollab.demo;
