/**
 * The guards on the engine's doors: every command that comes through {@code /engine-rest} or the
 * webapps is checked against who may do it and what it may carry.
 */
package org.opencollab.trust;
