package org.opencollab.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a body over its limit: 413 with {@code {"type": "RequestTooLarge", "message":
 * ...}}, and the connection closed, so the rest of a large body is not read.
 */
final class TooLarge {

  static final String TYPE = "RequestTooLarge";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TooLarge() {}

  static Map<String, Object> body(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("message", message);
    return body;
  }

  /** For a JAX-RS resource: the same answer. */
  static Response response(String message) {
    return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
        .header("Connection", "close")
        .entity(body(message))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** Logs the refusal and writes the answer, unless an answer has gone out already. */
  static void answer(HttpServletRequest request, HttpServletResponse response, String message) {
    Refusals.log(request, message);
    if (response.isCommitted()) {
      return;
    }
    try {
      byte[] json = JSON.writeValueAsBytes(body(message));
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setHeader("Connection", "close");
      response.setContentType(MediaType.APPLICATION_JSON);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentLength(json.length);
      response.getOutputStream().write(json);
      response.flushBuffer();
    } catch (IOException | IllegalStateException clientGoneOrWriterUsed) {
      // The caller has gone, or the application had started its own answer: nothing to add.
    }
  }

  /**
   * The broken read that {@link BodySizeLimit} causes, where it reaches a REST application: the
   * caller has the 413 already, so this only keeps the application from logging it as an error.
   */
  public static class Mapper implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException exception) {
      return response(exception.getMessage());
    }
  }
}
