/**
 * The process engine's own footing, under every feature: its schema (Liquibase before the engine,
 * one node at a time), the database it runs on (an advisory lock for start-up work, H2 sorting as
 * PostgreSQL), the JDBC connection of the command that runs now, queries without the current user's
 * authorizations, and when history cleanup runs. No rule of the product lives here.
 */
package org.opencollab.engine;
