package org.opencollab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local server that plays Feishu/Lark, DingTalk and WeCom custom group bots as their
 * documentation describes them: it takes a message only in the platform's format and, where the
 * platform signs, with the signature it computes itself from the secret and the timestamp, which
 * must be within an hour of its clock. What it took reads "platform: text [mentioned ids]". Nothing
 * leaves the machine.
 */
public final class ChatPlatforms implements AutoCloseable {

  public static final String FEISHU_PATH = "/open-apis/bot/v2/hook/feishu-token";
  public static final String DINGTALK_PATH = "/robot/send?access_token=ding-token";
  public static final String WECOM_PATH = "/cgi-bin/webhook/send?key=wecom-key";
  public static final String FEISHU_SECRET = "feishu-test-secret";
  public static final String DINGTALK_SECRET = "SECdingtalk-test-secret";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Clock clock;
  private final List<String> taken = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger outages = new AtomicInteger();

  private ChatPlatforms(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/open-apis/bot/v2/hook/feishu-token", this::feishu);
    server.createContext("/robot/send", this::dingTalk);
    server.createContext("/cgi-bin/webhook/send", this::weCom);
    server.start();
  }

  /** The platforms, their clock {@code clock}. */
  public static ChatPlatforms start(Clock clock) {
    return new ChatPlatforms(clock);
  }

  /** The address of {@code path} on this server. */
  public URI webhook(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The messages taken, as "platform: text [mentioned ids]". */
  public List<String> taken() {
    return taken;
  }

  /** The bodies refused, as "platform: body". */
  public List<String> refused() {
    return refused;
  }

  /** WeCom answers the next {@code count} calls with 502. */
  public void failNext(int count) {
    outages.set(count);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void feishu(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String timestamp = body.path("timestamp").asText();
    boolean signed =
        !timestamp.isEmpty()
            && Math.abs(Long.parseLong(timestamp) - clock.instant().getEpochSecond()) <= 3600
            && body.path("sign").asText().equals(sign(timestamp + "\n" + FEISHU_SECRET, ""));
    boolean formatted =
        body.path("msg_type").asText().equals("text")
            && body.path("content").path("text").isTextual();
    if (signed && formatted) {
      taken.add("feishu: " + body.path("content").path("text").asText() + " []");
      answer(exchange, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
    } else {
      refused.add("feishu: " + body);
      answer(
          exchange,
          "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
    }
  }

  private void dingTalk(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String timestamp = query.getOrDefault("timestamp", "");
    boolean signed =
        "ding-token".equals(query.get("access_token"))
            && !timestamp.isEmpty()
            && Math.abs(Long.parseLong(timestamp) - clock.instant().toEpochMilli()) <= 3_600_000
            && sign(DINGTALK_SECRET, timestamp + "\n" + DINGTALK_SECRET).equals(query.get("sign"));
    boolean formatted =
        body.path("msgtype").asText().equals("text")
            && body.path("text").path("content").isTextual()
            && body.path("at").path("isAtAll").isBoolean();
    if (signed && formatted) {
      taken.add(
          "dingtalk: "
              + body.path("text").path("content").asText()
              + " "
              + texts(body.path("at").path("atUserIds")));
      answer(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    } else {
      refused.add("dingtalk: " + body);
      answer(exchange, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
    }
  }

  private void weCom(HttpExchange exchange) throws IOException {
    if (outages.getAndDecrement() > 0) {
      exchange.sendResponseHeaders(502, -1);
      exchange.close();
      return;
    }
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    boolean formatted =
        "wecom-key".equals(query(exchange.getRequestURI()).get("key"))
            && body.path("msgtype").asText().equals("text")
            && body.path("text").path("content").isTextual();
    if (formatted) {
      taken.add(
          "wecom: "
              + body.path("text").path("content").asText()
              + " "
              + texts(body.path("text").path("mentioned_list")));
      answer(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    } else {
      refused.add("wecom: " + body);
      answer(exchange, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      query.put(
          pair.substring(0, equals),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  public static String sign(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
