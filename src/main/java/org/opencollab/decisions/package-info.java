/** How the engine evaluates the decision tables: full FEEL, each expression parsed once. */
package org.opencollab.decisions;
