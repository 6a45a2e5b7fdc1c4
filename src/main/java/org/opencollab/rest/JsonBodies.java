package org.opencollab.rest;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.stream.Collectors;

/**
 * A body that is not the JSON a resource reads (broken JSON, a text where a number belongs, a list
 * where an object belongs) is a 400 that says what is wrong and in which field. Camunda answers
 * these with an empty message, to keep Jackson's messages, which name Java classes, from callers;
 * these messages name no class either.
 */
final class JsonBodies {

  private JsonBodies() {}

  static Response respond(JsonProcessingException exception, HttpServletRequest request) {
    if (exception instanceof InvalidDefinitionException
        || exception instanceof JsonGenerationException) {
      // the server's own fault, writing an answer or reading into a class it cannot build: a 500
      return RestAnswers.respond(exception, request);
    }
    String field = field(exception);
    String message = explain(exception, field);
    Refusals.log(request, message);
    return RestAnswers.badRequest(RestAnswers.body("InvalidRequestException", message, field));
  }

  /** The field, as a path ({@code variables.amount}, {@code jobIds[2]}), or empty for the body. */
  static String field(JsonProcessingException exception) {
    if (exception instanceof JsonMappingException mapping) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
      return path.toString();
    }
    if (exception.getProcessor() instanceof JsonParser parser
        && parser.getParsingContext() != null
        && parser.getParsingContext().getCurrentName() != null) {
      return parser.getParsingContext().getCurrentName();
    }
    return "";
  }

  private static String explain(JsonProcessingException exception, String field) {
    String subject = field.isEmpty() ? "The request body" : field + ":";
    if (exception instanceof InvalidFormatException format) {
      return subject
          + " must be "
          + describe(format.getTargetType())
          + ", got "
          + quote(format.getValue());
    }
    if (exception instanceof MismatchedInputException mismatch) {
      if (field.isEmpty()
          && String.valueOf(mismatch.getOriginalMessage()).contains("end-of-input")) {
        return "The request body is empty; it must be a JSON object";
      }
      return subject + " must be " + describe(mismatch.getTargetType());
    }
    if (exception instanceof JsonMappingException) {
      return subject + " cannot be read";
    }
    JsonLocation at = exception.getLocation();
    return (field.isEmpty() ? "The request body" : field)
        + " is not valid JSON: "
        + exception.getOriginalMessage()
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return "a text";
    }
    if (Date.class.isAssignableFrom(type) || Temporal.class.isAssignableFrom(type)) {
      return "a date such as 2026-12-31T17:00:00.000+0100";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a JSON object";
  }

  private static String quote(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  @Priority(Priorities.USER - 100)
  public static class ParseErrors implements ExceptionMapper<JsonParseException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(JsonParseException exception) {
      return respond(exception, request);
    }
  }

  @Priority(Priorities.USER - 100)
  public static class MappingErrors implements ExceptionMapper<JsonMappingException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(JsonMappingException exception) {
      return respond(exception, request);
    }
  }

  /** Other read errors: a number too large for its field, say. */
  @Priority(Priorities.USER - 100)
  public static class OtherErrors implements ExceptionMapper<JsonProcessingException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(JsonProcessingException exception) {
      return respond(exception, request);
    }
  }
}
