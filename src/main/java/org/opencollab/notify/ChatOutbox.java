package org.opencollab.notify;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.opencollab.notify.ChatSettings.ChatGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts to a department's chat group ({@link ChatSettings}), as {@link Outbox} sends mail: only
 * once the engine command that caused the message commits, on a thread of its own, tried again when
 * the platform is down or refuses. The log names the department and the platform, never the
 * webhook, whose address holds the bot's token.
 */
@Component
public class ChatOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(ChatOutbox.class);

  private final ChatSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final AfterCommit afterCommit = new AfterCommit();
  private final Courier courier;

  @Autowired
  public ChatOutbox(ChatSettings settings) {
    this(settings, Clock.systemUTC());
  }

  ChatOutbox(ChatSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.courier = new Courier("collab-chat", settings.attempts(), settings.retryDelay());
  }

  /** Whether the department with {@code code} has a chat group. */
  public boolean enabled(String code) {
    return settings.group(code) != null;
  }

  /**
   * Queues {@code text} for the chat group of the department with {@code code}, mentioning {@code
   * mentions} (user ids), under {@code key}: posted when the running command commits, at once
   * outside a command.
   *
   * @return false when the department has no chat group or the key was queued already
   */
  public boolean queue(String code, String key, String text, List<String> mentions) {
    ChatGroup group = settings.group(code);
    if (group == null) {
      return false;
    }
    String what =
        "chat message to "
            + code.toLowerCase(Locale.ROOT)
            + " ("
            + group.platform().name().toLowerCase(Locale.ROOT)
            + "): "
            + text.lines().findFirst().orElse("");
    List<String> mentioned = List.copyOf(mentions);
    return afterCommit.queue(key, () -> courier.send(what, () -> post(group, text, mentioned)));
  }

  private void post(ChatGroup group, String text, List<String> mentions) throws Exception {
    ChatPlatform.Request call =
        group.platform().request(group.webhook(), group.secret(), text, mentions, clock.instant());
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(call.address())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (answer.statusCode() != 200 || !group.platform().taken(answer.body())) {
      throw new IOException(
          "the platform answered "
              + answer.statusCode()
              + ": "
              + answer.body().substring(0, Math.min(200, answer.body().length())));
    }
  }

  @PreDestroy
  void stop() {
    int dropped = courier.stop();
    if (dropped > 0) {
      LOG.warn("{} chat message(s) not sent: the application stops before their turn", dropped);
    }
  }
}
