package org.opencollab.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collab.chat.*} (docs/operators.md, "Team chat"): the chat group of each department that
 * hears about its work, through the custom bot of Feishu/Lark, DingTalk or WeCom. Off for every
 * department that has no entry, which is every department by default.
 *
 * @param departments per department code in lower case ({@code sales}, {@code tech}, ...), its
 *     group
 * @param attempts how often a message is tried before it is given up (and logged)
 * @param retryDelay the wait before the next attempt, doubled after each
 * @param timeout how long one call to the platform may take
 */
@ConfigurationProperties("collab.chat")
public record ChatSettings(
    Map<String, ChatGroup> departments,
    @DefaultValue("4") int attempts,
    @DefaultValue("PT30S") Duration retryDelay,
    @DefaultValue("PT10S") Duration timeout) {

  /**
   * One department's chat group.
   *
   * @param platform whose custom bot the webhook belongs to
   * @param webhook the bot's webhook address, which holds its access token: keep it out of the
   *     repository, as an environment variable ({@code COLLAB_CHAT_DEPARTMENTS_SALES_WEBHOOK})
   * @param secret the bot's signing secret, when the bot signs (Feishu/Lark and DingTalk can; WeCom
   *     does not); empty when it does not
   */
  public record ChatGroup(ChatPlatform platform, URI webhook, String secret) {

    public ChatGroup {
      if (platform == null) {
        throw new IllegalArgumentException(
            "collab.chat.departments.*.platform: one of feishu, dingtalk, wecom");
      }
      if (webhook == null
          || !webhook.isAbsolute()
          || !("https".equals(webhook.getScheme()) || "http".equals(webhook.getScheme()))) {
        throw new IllegalArgumentException(
            "collab.chat.departments.*.webhook: the bot's http(s) webhook address");
      }
      secret = secret == null || secret.isBlank() ? null : secret;
    }

    /** Without the webhook's token and the secret, should the settings ever be printed. */
    @Override
    public String toString() {
      return "ChatGroup[" + platform + (secret == null ? "" : ", signed") + "]";
    }
  }

  public ChatSettings {
    departments = departments == null ? Map.of() : Map.copyOf(departments);
    if (attempts < 1) {
      throw new IllegalArgumentException("collab.chat.attempts: at least 1");
    }
  }

  /**
   * The chat group of the department with {@code code} ({@code SALES} or {@code sales}), or null.
   */
  public ChatGroup group(String code) {
    return code == null ? null : departments.get(code.toLowerCase(Locale.ROOT));
  }
}
