package org.opencollab.rest;

import java.io.IOException;

/**
 * What the frameworks above see when a body goes past its limit ({@link BodySizeLimit}): the caller
 * has its 413 already.
 */
public final class BodyTooLargeException extends IOException {

  BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes; it was refused with 413");
  }
}
