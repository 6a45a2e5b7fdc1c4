package org.opencollab.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Asks for an impact preview over HTTP as a process owner's client would: a multipart POST with the
 * edited file and the period, signed in with HTTP Basic (password {@code demo}), or not at all.
 */
final class ImpactRequests {

  private static final String BOUNDARY = "impact-boundary";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  ImpactRequests(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A decision file of the repository with {@code replacements} (text, then its new text) made. */
  static byte[] edited(String decisionKey, String... replacements) {
    try {
      String text = Files.readString(Path.of("decisions", decisionKey + ".dmn"));
      for (int i = 0; i < replacements.length; i += 2) {
        if (!text.contains(replacements[i])) {
          throw new IllegalArgumentException(decisionKey + " has no " + replacements[i]);
        }
        text = text.replace(replacements[i], replacements[i + 1]);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The preview of {@code file} (none when null) as {@code user} (anonymous when null; {@code
   * user:password}, or the demo users' password).
   */
  HttpResponse<String> preview(
      String decisionKey, String user, byte[] file, String from, String to) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (file != null) {
      part(body, "file\"; filename=\"" + decisionKey + ".dmn", file);
    }
    if (from != null) {
      part(body, "from", from.getBytes(StandardCharsets.UTF_8));
    }
    if (to != null) {
      part(body, "to", to.getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/decisions/" + decisionKey + "/impact"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (user.contains(":") ? user : user + ":demo")
                          .getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void part(ByteArrayOutputStream body, String name, byte[] content) {
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
