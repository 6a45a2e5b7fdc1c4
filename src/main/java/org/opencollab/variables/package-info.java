/**
 * Reading and checking process variables: JSON values with exact decimals, the bilingual rules a
 * refused value breaks.
 */
package org.opencollab.variables;
