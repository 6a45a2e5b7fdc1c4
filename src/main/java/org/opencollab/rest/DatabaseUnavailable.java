package org.opencollab.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * While the database is unavailable (stopped, restarting, unreachable), a request that needs it
 * gets HTTP 503 with a message and {@code Retry-After}, not a 500, and within the pool's connection
 * timeout (5 s), not after a hang. The pool reconnects by itself once the database is back.
 */
public final class DatabaseUnavailable {

  static final String MESSAGE =
      "The database is unavailable at the moment; the request was not carried out."
          + " Try again in a few seconds.";

  private DatabaseUnavailable() {}

  /** Whether the database's absence is among the causes. */
  public static boolean causes(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException
          || cause instanceof SQLException sql && connectionLost(sql)) {
        return true;
      }
      // a rollback that failed on the lost connection hides the failure that started it
      if (cause instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && causes(rollback.getApplicationException())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * SQL state class 08 (connection exception), 57P01 to 57P03 (server shutting down), and the
   * pool's "Connection is closed" for a connection the server dropped.
   */
  private static boolean connectionLost(SQLException sql) {
    String state = sql.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P0"))
        || state == null && "Connection is closed".equals(sql.getMessage());
  }

  public static Response response() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DatabaseUnavailable");
    body.put("message", MESSAGE);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .entity(body)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /**
   * For the webapps' own API (Tasklist, Cockpit): the transaction that could not start reaches
   * Jersey as Spring's exception.
   */
  public static class Mapper implements ExceptionMapper<CannotCreateTransactionException> {
    @Override
    public Response toResponse(CannotCreateTransactionException exception) {
      return response();
    }
  }
}
