package org.opencollab.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.notify.ChatSettings.ChatGroup;

/**
 * Posting to the departments' chat groups, against a local server that plays Feishu/Lark, DingTalk
 * and WeCom: it takes a message only in the platform's published format and, where the platform
 * signs, with a signature it computes itself from the secret and the timestamp and finds recent.
 * Nothing leaves the machine.
 */
class ChatOutboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
  private static final String FEISHU_SECRET = "feishu-test-secret";
  private static final String DINGTALK_SECRET = "SECdingtalk-test-secret";

  private HttpServer server;
  private final List<String> taken = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger outages = new AtomicInteger();

  @BeforeEach
  void startPlatforms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/open-apis/bot/v2/hook/feishu-token", this::feishu);
    server.createContext("/robot/send", this::dingTalk);
    server.createContext("/cgi-bin/webhook/send", this::weCom);
    server.start();
  }

  @AfterEach
  void stopPlatforms() {
    server.stop(0);
  }

  @Test
  void eachPlatformTakesTheMessageInItsFormatAndWithItsSignature() {
    ChatOutbox outbox =
        outbox(
            Map.of(
                "sales",
                    group(
                        ChatPlatform.FEISHU, "/open-apis/bot/v2/hook/feishu-token", FEISHU_SECRET),
                "tech",
                    group(
                        ChatPlatform.DINGTALK,
                        "/robot/send?access_token=ding-token",
                        DINGTALK_SECRET),
                "delivery", group(ChatPlatform.WECOM, "/cgi-bin/webhook/send?key=wecom-key", null)),
            1);

    assertThat(outbox.queue("SALES", "a", "New task / 新任务: Qualify opportunity", List.of()))
        .isTrue();
    assertThat(outbox.queue("TECH", "b", "@bob please design / 请设计", List.of("bob"))).isTrue();
    assertThat(outbox.queue("DELIVERY", "c", "@carol sprint / 迭代", List.of("carol"))).isTrue();
    assertThat(outbox.queue("MARKETING", "d", "nobody hears this", List.of())).isFalse();
    assertThat(outbox.enabled("marketing")).isFalse();

    await().atMost(Duration.ofSeconds(10)).until(() -> taken.size() == 3);
    assertThat(refused).isEmpty();
    assertThat(taken)
        .containsExactlyInAnyOrder(
            "feishu: New task / 新任务: Qualify opportunity",
            "dingtalk: @bob please design / 请设计 [bob]",
            "wecom: @carol sprint / 迭代 [carol]");
  }

  @Test
  void aWrongSecretIsRefusedByThePlatformAndTriedAgainThenGivenUp() {
    ChatOutbox outbox =
        outbox(
            Map.of(
                "tech",
                group(ChatPlatform.DINGTALK, "/robot/send?access_token=ding-token", "SECwrong")),
            2);

    outbox.queue("tech", "a", "signed with the wrong secret", List.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> refused.size() == 2);
    assertThat(taken).isEmpty();
  }

  @Test
  void aPlatformThatIsDownGetsTheMessageWhenItIsBack() {
    outages.set(2);
    ChatOutbox outbox =
        outbox(
            Map.of(
                "delivery", group(ChatPlatform.WECOM, "/cgi-bin/webhook/send?key=wecom-key", null)),
            3);

    outbox.queue("delivery", "a", "after two outages", List.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> taken.size() == 1);
    assertThat(taken).containsExactly("wecom: after two outages []");
  }

  @Test
  void signaturesMatchThePlatformsPublishedExamples() throws Exception {
    // Feishu: the HMAC of nothing under "timestamp\nsecret"; DingTalk: of "timestamp\nsecret" under
    // the secret. Computed here independently with the JDK, as a platform does.
    assertThat(ChatPlatform.hmac("1599360473\n" + FEISHU_SECRET, ""))
        .isEqualTo(sign("1599360473\n" + FEISHU_SECRET, ""));
    assertThat(ChatPlatform.hmac(DINGTALK_SECRET, "1599360473000\n" + DINGTALK_SECRET))
        .isEqualTo(sign(DINGTALK_SECRET, "1599360473000\n" + DINGTALK_SECRET));
    assertThat(ChatPlatform.hmac("a", "")).isNotEqualTo(ChatPlatform.hmac("b", ""));
  }

  private ChatOutbox outbox(Map<String, ChatGroup> departments, int attempts) {
    return new ChatOutbox(
        new ChatSettings(departments, attempts, Duration.ofMillis(50), Duration.ofSeconds(5)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private ChatGroup group(ChatPlatform platform, String path, String secret) {
    return new ChatGroup(
        platform, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), secret);
  }

  // The platforms, as their documentation describes them.

  private void feishu(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String timestamp = body.path("timestamp").asText();
    boolean signed =
        !timestamp.isEmpty()
            && Math.abs(Long.parseLong(timestamp) - NOW.getEpochSecond()) <= 3600
            && body.path("sign").asText().equals(sign(timestamp + "\n" + FEISHU_SECRET, ""));
    boolean formatted =
        body.path("msg_type").asText().equals("text")
            && body.path("content").path("text").isTextual();
    if (signed && formatted) {
      taken.add("feishu: " + body.path("content").path("text").asText());
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
            && Math.abs(Long.parseLong(timestamp) - NOW.toEpochMilli()) <= 3_600_000
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

  private static String sign(String key, String message) {
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
