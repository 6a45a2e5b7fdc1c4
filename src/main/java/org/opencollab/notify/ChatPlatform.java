package org.opencollab.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chat platforms whose custom group bots the product posts to, each with its published message
 * format and, where the platform signs, its signature (HMAC-SHA256, Base64):
 *
 * <ul>
 *   <li>Feishu/Lark: {@code {"timestamp", "sign", "msg_type": "text", "content": {"text"}}}, the
 *       timestamp in seconds, the sign the HMAC of nothing under the key {@code timestamp + "\n" +
 *       secret}; the answer is {@code {"code": 0}} when taken.
 *   <li>DingTalk: {@code {"msgtype": "text", "text": {"content"}, "at": {"atUserIds"}}}, with
 *       {@code &timestamp=&sign=} on the address, the timestamp in milliseconds, the sign the HMAC
 *       of {@code timestamp + "\n" + secret} under the secret, URL-encoded; {@code {"errcode": 0}}.
 *   <li>WeCom: {@code {"msgtype": "text", "text": {"content", "mentioned_list"}}}, unsigned (the
 *       key in its address is the secret); {@code {"errcode": 0}}.
 * </ul>
 *
 * A mention names the product's user id: it reaches the person where their chat account has that id
 * (DingTalk's and WeCom's user ids); Feishu's custom bots mention only by Feishu's own ids, so
 * there the mention stays text.
 */
public enum ChatPlatform {
  FEISHU {
    @Override
    Request request(URI webhook, String secret, String text, List<String> mentions, Instant now) {
      ObjectNode body = JSON.createObjectNode();
      if (secret != null) {
        String timestamp = Long.toString(now.getEpochSecond());
        body.put("timestamp", timestamp);
        body.put("sign", hmac(timestamp + "\n" + secret, ""));
      }
      body.put("msg_type", "text");
      body.putObject("content").put("text", text);
      return new Request(webhook, body.toString());
    }

    @Override
    boolean taken(JsonNode answer) {
      return answer.path("code").asInt(answer.path("StatusCode").asInt(-1)) == 0;
    }
  },

  DINGTALK {
    @Override
    Request request(URI webhook, String secret, String text, List<String> mentions, Instant now) {
      ObjectNode body = JSON.createObjectNode();
      body.put("msgtype", "text");
      body.putObject("text").put("content", text);
      ObjectNode at = body.putObject("at");
      mentions.forEach(at.putArray("atUserIds")::add);
      at.put("isAtAll", false);
      URI address = webhook;
      if (secret != null) {
        String timestamp = Long.toString(now.toEpochMilli());
        String sign = hmac(secret, timestamp + "\n" + secret);
        address =
            URI.create(
                webhook
                    + (webhook.getRawQuery() == null ? "?" : "&")
                    + "timestamp="
                    + timestamp
                    + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8));
      }
      return new Request(address, body.toString());
    }

    @Override
    boolean taken(JsonNode answer) {
      return answer.path("errcode").asInt(-1) == 0;
    }
  },

  WECOM {
    @Override
    Request request(URI webhook, String secret, String text, List<String> mentions, Instant now) {
      ObjectNode body = JSON.createObjectNode();
      body.put("msgtype", "text");
      ObjectNode content = body.putObject("text").put("content", text);
      mentions.forEach(content.putArray("mentioned_list")::add);
      return new Request(webhook, body.toString());
    }

    @Override
    boolean taken(JsonNode answer) {
      return answer.path("errcode").asInt(-1) == 0;
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call to a bot: where it goes and its JSON body. */
  record Request(URI address, String body) {}

  /** The call that posts {@code text}, mentioning {@code mentions}, at {@code now}. */
  abstract Request request(
      URI webhook, String secret, String text, List<String> mentions, Instant now);

  /** Whether the platform's answer says it took the message. */
  abstract boolean taken(JsonNode answer);

  /** Whether the platform took the message, from its answer's body. */
  boolean taken(String answer) {
    try {
      return taken(JSON.readTree(answer));
    } catch (IOException notJson) {
      return false;
    }
  }

  /** HMAC-SHA256 of {@code message} under {@code key}, Base64. */
  static String hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException noHmac) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", noHmac);
    }
  }
}
