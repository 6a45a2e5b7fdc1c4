/**
 * What operators watch and rely on: Prometheus metrics read from the engine's database, and the
 * answers while the database is unavailable. Who may read the actuator is in {@code security}.
 */
package org.opencollab.operations;
