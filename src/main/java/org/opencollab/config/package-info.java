/**
 * Configuration the application checks or applies as it starts: the {@code prod} profile's required
 * environment, the engine plugins in their one declared order ({@link
 * org.opencollab.config.EnginePlugins}), and built-in listeners attached to every user task as it
 * is deployed. Engine utilities are in {@code engine}, access and security headers in {@code
 * security}.
 */
package org.opencollab.config;
