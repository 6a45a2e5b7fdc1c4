/**
 * What operators watch and rely on: actuator access, Prometheus metrics, and answers while the
 * database is unavailable.
 */
package org.opencollab.operations;
