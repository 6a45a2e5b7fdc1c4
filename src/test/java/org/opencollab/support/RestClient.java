package org.opencollab.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A plain HTTP client for the REST API, as an outside client calls it: JSON over HTTP, Basic auth.
 */
public final class RestClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  public RestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET());
  }

  public HttpResponse<String> postJson(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST of {@code body} declared as {@code contentType}, or as nothing when it is null. */
  public HttpResponse<String> post(String path, String user, String contentType, String body) {
    HttpRequest.Builder request = request(path, user);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> putJson(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with a Json body when {@code json} is not null. */
  public HttpResponse<String> send(String method, String path, String user, String json) {
    HttpRequest.Builder request = request(path, user);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(
        request.method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A GET that asks for {@code accept}. */
  public HttpResponse<String> get(String path, String user, String accept) {
    return send(request(path, user).header("Accept", accept).GET());
  }

  /** A GET that asks for {@code accept} and keeps the answer's bytes as they came. */
  public HttpResponse<byte[]> getBytes(String path, String user, String accept) {
    return send(
        request(path, user).header("Accept", accept).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> delete(String path, String user) {
    return send(request(path, user).DELETE());
  }

  /** Deploys a minimal process {@code key} over REST, as Camunda Modeler would. */
  public HttpResponse<String> deployMinimalProcess(String user, String key) {
    return deploy(
        user,
        key + ".bpmn",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://opencollab.org/test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="1"><startEvent id="s"/></process>
        </definitions>"""
            .formatted(key));
  }

  /** A multipart deployment of one BPMN resource, as Camunda Modeler deploys. */
  public HttpResponse<String> deploy(String user, String resourceName, String bpmn) {
    String boundary = "collab-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
            + resourceName
            + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        request("/engine-rest/deployment/create", user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      String[] credentials = user.split(":", 2);
      String login = credentials.length == 2 ? user : user + ":demo";
      builder.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> bodyHandler) {
    try {
      return http.send(request.build(), bodyHandler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
