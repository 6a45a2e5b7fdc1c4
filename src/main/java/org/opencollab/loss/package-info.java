/**
 * The loss statement of a failed opportunity (docs/money.md): risk shared by what each department
 * put in, and the service task that runs it.
 */
package org.opencollab.loss;
