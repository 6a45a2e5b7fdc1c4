/**
 * Exact money: two-place amounts and "allocate X by weights" to the cent, with no Camunda import.
 */
package org.opencollab.money;
