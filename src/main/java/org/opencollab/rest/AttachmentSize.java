package org.opencollab.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData.FormPart;

/**
 * Holds an attachment's file to {@code collab.uploads.attachment-max-size} exactly: {@link
 * BodySizeLimit} lets its upload carry a little more, for the form's other fields, and marks the
 * request with the limit. Refused with 413 before Camunda stores anything.
 */
public class AttachmentSize implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object read = context.proceed();
    if (read instanceof MultipartFormData form
        && context.getProperty(BodySizeLimit.ATTACHMENT_MAX_SIZE) instanceof Long limit) {
      FormPart content = form.getNamedPart("content");
      if (content != null && content.getBinaryContent().length > limit) {
        throw new InvalidRequestException(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "content: an attachment may be at most "
                + BodySizeLimit.size(limit)
                + "; this one has "
                + BodySizeLimit.size(content.getBinaryContent().length));
      }
    }
    return read;
  }
}
