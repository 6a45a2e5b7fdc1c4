/**
 * Spring configuration of the application: the beans and settings that wire the engine, the web
 * layer and the listeners together.
 */
package org.opencollab.config;
