package org.opencollab.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One demo user's way into the engine API of one node, for {@link TasklistLoad}: either Tasklist's
 * (the webapps' own API under {@code /camunda/api/engine/engine/default}, signed in through the
 * login form, each call with the session's cookies and Camunda's CSRF token, each write with an
 * {@code Origin} of the node, as a browser sends them) or an outside client's ({@code
 * /engine-rest}, HTTP Basic on every call). Many doors share one HTTP client, so a thousand
 * sessions need no thousand clients; the session's cookies are kept here, not in the client. A door
 * is used by one thread at a time.
 */
final class EngineDoor {

  private static final String WEBAPPS_API = "/camunda/api/engine/engine/default";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** An answer: its status, or -1 when none came (refused connection, time-out). */
  record Answer(int status, String body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http;
  private final String origin;
  private final String api;
  private final String basic;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  final String user;

  private EngineDoor(HttpClient http, int port, String api, String basic, String user) {
    this.http = http;
    this.origin = "http://localhost:" + port;
    this.api = api;
    this.basic = basic;
    this.user = user;
  }

  /** {@code user} (password {@code demo}) through {@code /engine-rest} with HTTP Basic. */
  static EngineDoor rest(HttpClient http, int port, String user) {
    String credentials = user + ":demo";
    return new EngineDoor(
        http,
        port,
        "/engine-rest",
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
        user);
  }

  /**
   * {@code user} signed into Tasklist as a browser signs in: the app's page (which sets the CSRF
   * cookie), the login form, then who is signed in (which renews the token).
   */
  static EngineDoor tasklist(HttpClient http, int port, String user) throws InterruptedException {
    EngineDoor door = new EngineDoor(http, port, WEBAPPS_API, null, user);
    door.send(door.request("/camunda/app/tasklist/default/").GET());
    Answer login =
        door.send(
            door.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", door.origin)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=demo")));
    if (login.status() != 200) {
      throw new IllegalStateException(
          user + " cannot sign into Tasklist: " + login.status() + " " + login.body());
    }
    door.send(door.request("/camunda/api/admin/auth/user/default").GET());
    return door;
  }

  boolean throughTasklist() {
    return basic == null;
  }

  /** A GET of {@code path} under the engine API. */
  Answer get(String path) throws InterruptedException {
    return send(request(api + path).header("Accept", "application/json").GET());
  }

  /** A GET of the product's own {@code path} ({@code /api/...}), asking for Json. */
  Answer getProduct(String path) throws InterruptedException {
    return send(request(path).header("Accept", "application/json").GET());
  }

  /** A POST of Json to {@code path} under the engine API, asking for {@code accept}. */
  Answer post(String path, String json, String accept) throws InterruptedException {
    HttpRequest.Builder request =
        request(api + path)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (throughTasklist()) {
      request.header("Origin", origin);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(origin + path)).timeout(TIMEOUT);
    if (basic != null) {
      request.header("Authorization", basic);
    }
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
              .collect(Collectors.joining("; ")));
    }
    String csrf = cookies.get("XSRF-TOKEN");
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    return request;
  }

  private Answer send(HttpRequest.Builder request) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Answer(-1, e.toString());
    }
    if (throughTasklist()) {
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        keep(cookie);
      }
    }
    return new Answer(response.statusCode(), response.body());
  }

  /** Keeps a cookie the server set, or forgets one it expired; its path and flags do not matter. */
  private void keep(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      return;
    }
    String name = pair.substring(0, equals).trim();
    String value = pair.substring(equals + 1).trim();
    if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}
