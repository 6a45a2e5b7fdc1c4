/**
 * Where time goes (docs/process-owners.md, "Reading waiting times"): per step of a process, how
 * long its tasks waited to be claimed and how long they were worked, per phase, and the slowest
 * tasks, read from the engine's task history; the API and the page that draws the figures on the
 * diagram.
 */
package org.opencollab.waiting;
