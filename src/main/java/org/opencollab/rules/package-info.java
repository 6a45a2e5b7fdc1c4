/**
 * Each process's rules attached to its model as it is deployed: what a start and each task
 * completion may carry and what they must hold.
 */
package org.opencollab.rules;
