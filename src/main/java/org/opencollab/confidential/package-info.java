/**
 * What stays secret until its step is decided (secret ballots, sealed ratings): the sealed steps,
 * their answers kept outside the engine's tables, and the history that never records them.
 */
package org.opencollab.confidential;
