package org.opencollab.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser's session with the webapps: logged in through the login form, sending the CSRF token as
 * Tasklist does, calling the webapps' own engine API ({@code /camunda/api/engine/engine/default}).
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  private WebappSession(String base) {
    this.base = base;
  }

  /** Logs {@code user} (password {@code demo}) into {@code app}: tasklist, cockpit or admin. */
  public static WebappSession login(int port, String user, String app) {
    WebappSession session = new WebappSession("http://localhost:" + port);
    session.send(
        HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/"))
            .GET());
    HttpResponse<String> login =
        session.send(
            HttpRequest.newBuilder(
                    URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
    if (login.statusCode() != 200) {
      throw new IllegalStateException(user + " cannot log into " + app + ": " + login.statusCode());
    }
    // As the app does after its login: it reads who is logged in, which also renews the CSRF token.
    session.send(
        HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default"))
            .GET());
    return session;
  }

  /**
   * POSTs Json to the webapps' engine API, {@code path} relative to {@code
   * /camunda/api/engine/engine/default}.
   */
  public HttpResponse<String> postJson(String path, String json) {
    return postJson(path, json, new String[0]);
  }

  /** {@link #postJson(String, String)} with more headers, as name, value pairs. */
  public HttpResponse<String> postJson(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", csrfToken());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** POSTs any body (a multipart upload, say) to the webapps' engine API. */
  public HttpResponse<String> post(
      String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
            .header("Content-Type", contentType)
            .header("X-XSRF-TOKEN", csrfToken())
            .POST(body));
  }

  public HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
            .header("X-XSRF-TOKEN", csrfToken())
            .GET());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
