/** The language a person reads the server's answers in, Chinese or English. */
package org.opencollab.language;
