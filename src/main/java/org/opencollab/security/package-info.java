/**
 * Who gets in, and what every answer carries: the product's own API and pages ({@link
 * org.opencollab.security.ProductAccess}, Spring Security, signing in Camunda's users by HTTP Basic
 * or the webapps' session, and refusing as problem details), Camunda's REST API ({@link
 * org.opencollab.security.RestAuthentication}), the actuator ({@link
 * org.opencollab.security.ActuatorAccess}) and the security headers of every response ({@link
 * org.opencollab.security.SecurityHeaders}). The engine's own command guards (who may complete
 * which step) are in {@code trust}; the webapps' login guards in {@code identity}.
 */
package org.opencollab.security;
