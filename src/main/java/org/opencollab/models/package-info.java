/**
 * The models process owners edit: deploying {@code processes/} and {@code decisions/} at start-up,
 * and the Chinese names the models give their steps.
 */
package org.opencollab.models;
