package org.opencollab.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencollab.support.ChatPlatforms.DINGTALK_PATH;
import static org.opencollab.support.ChatPlatforms.DINGTALK_SECRET;
import static org.opencollab.support.ChatPlatforms.FEISHU_PATH;
import static org.opencollab.support.ChatPlatforms.FEISHU_SECRET;
import static org.opencollab.support.ChatPlatforms.WECOM_PATH;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollab.notify.ChatSettings.ChatGroup;
import org.opencollab.support.ChatPlatforms;

/**
 * Posting to the departments' chat groups, against a local server that plays Feishu/Lark, DingTalk
 * and WeCom ({@link ChatPlatforms}): each takes a message only in its published format and, where
 * it signs, with the signature it computes itself. Nothing leaves the machine.
 */
class ChatOutboxTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

  private ChatPlatforms platforms;

  @BeforeEach
  void startPlatforms() {
    platforms = ChatPlatforms.start(NOW);
  }

  @AfterEach
  void stopPlatforms() {
    platforms.close();
  }

  @Test
  void eachPlatformTakesTheMessageInItsFormatAndWithItsSignature() {
    ChatOutbox outbox =
        outbox(
            Map.of(
                "sales", group(ChatPlatform.FEISHU, FEISHU_PATH, FEISHU_SECRET),
                "tech", group(ChatPlatform.DINGTALK, DINGTALK_PATH, DINGTALK_SECRET),
                "delivery", group(ChatPlatform.WECOM, WECOM_PATH, null)),
            1);

    assertThat(outbox.queue("SALES", "a", "New task / 新任务: Qualify opportunity", List.of()))
        .isTrue();
    assertThat(outbox.queue("TECH", "b", "@bob please design / 请设计", List.of("bob"))).isTrue();
    assertThat(outbox.queue("DELIVERY", "c", "@carol sprint / 迭代", List.of("carol"))).isTrue();
    assertThat(outbox.queue("MARKETING", "d", "nobody hears this", List.of())).isFalse();
    assertThat(outbox.enabled("marketing")).isFalse();

    await().atMost(Duration.ofSeconds(10)).until(() -> platforms.taken().size() == 3);
    assertThat(platforms.refused()).isEmpty();
    assertThat(platforms.taken())
        .containsExactlyInAnyOrder(
            "feishu: New task / 新任务: Qualify opportunity []",
            "dingtalk: @bob please design / 请设计 [bob]",
            "wecom: @carol sprint / 迭代 [carol]");
  }

  @Test
  void aWrongSecretIsRefusedByThePlatformAndTriedAgainThenGivenUp() {
    ChatOutbox outbox =
        outbox(Map.of("tech", group(ChatPlatform.DINGTALK, DINGTALK_PATH, "SECwrong")), 2);

    outbox.queue("tech", "a", "signed with the wrong secret", List.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> platforms.refused().size() == 2);
    assertThat(platforms.taken()).isEmpty();
  }

  @Test
  void anUnsignedMessageIsRefusedWhereThePlatformSigns() {
    ChatOutbox outbox = outbox(Map.of("sales", group(ChatPlatform.FEISHU, FEISHU_PATH, null)), 1);

    outbox.queue("sales", "a", "not signed", List.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> platforms.refused().size() == 1);
    assertThat(platforms.taken()).isEmpty();
  }

  @Test
  void aPlatformThatIsDownGetsTheMessageWhenItIsBack() {
    platforms.failNext(2);
    ChatOutbox outbox = outbox(Map.of("delivery", group(ChatPlatform.WECOM, WECOM_PATH, null)), 3);

    outbox.queue("delivery", "a", "after two outages", List.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> platforms.taken().size() == 1);
    assertThat(platforms.taken()).containsExactly("wecom: after two outages []");
  }

  @Test
  void signaturesAreTheHmacsThePlatformsPublish() {
    // Feishu: the HMAC of nothing under "timestamp\nsecret"; DingTalk: of "timestamp\nsecret" under
    // the secret. Computed by the platforms' side independently, with the JDK.
    assertThat(ChatPlatform.hmac("1599360473\n" + FEISHU_SECRET, ""))
        .isEqualTo(ChatPlatforms.sign("1599360473\n" + FEISHU_SECRET, ""));
    assertThat(ChatPlatform.hmac(DINGTALK_SECRET, "1599360473000\n" + DINGTALK_SECRET))
        .isEqualTo(ChatPlatforms.sign(DINGTALK_SECRET, "1599360473000\n" + DINGTALK_SECRET));
    assertThat(ChatPlatform.hmac("a", "")).isNotEqualTo(ChatPlatform.hmac("b", ""));
  }

  private ChatOutbox outbox(Map<String, ChatGroup> departments, int attempts) {
    return new ChatOutbox(
        new ChatSettings(departments, attempts, Duration.ofMillis(50), Duration.ofSeconds(5)), NOW);
  }

  private ChatGroup group(ChatPlatform platform, String path, String secret) {
    return new ChatGroup(platform, platforms.webhook(path), secret);
  }
}
