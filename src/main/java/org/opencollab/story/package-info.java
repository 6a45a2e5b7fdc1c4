/**
 * The story of one opportunity for auditors: read from history with its disputes, as JSON, CSV and
 * pages.
 */
package org.opencollab.story;
