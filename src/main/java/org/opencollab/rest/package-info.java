/**
 * The REST API's edges: refusals answered as 400/403/413/503 with a message that names the field,
 * body size limits, and the field labels people read.
 */
package org.opencollab.rest;
