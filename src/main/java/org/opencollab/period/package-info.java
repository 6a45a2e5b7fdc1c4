/**
 * A period of days as a person asks for it on the product's pages and API ({@code from} and {@code
 * to}, both included), and the instants it spans on the server's clock.
 */
package org.opencollab.period;
