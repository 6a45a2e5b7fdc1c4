package org.opencollab.notify;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the product's mail, never inside the engine's transaction ({@link AfterCommit}): what a
 * command queues goes out after it commits, and nothing when it rolls back. A {@link Courier}
 * carries it on a thread of its own; a failed message is tried again after {@code
 * collab.mail.retry-delay}, doubled each time, {@code collab.mail.attempts} times in all.
 *
 * <p>Mail is on when {@code spring.mail.host} is set (Spring Boot then provides a {@link
 * JavaMailSender}); otherwise nothing is queued.
 */
@Component
public class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final MailSettings settings;
  private final AfterCommit afterCommit = new AfterCommit();
  private final Courier postman;

  public Outbox(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
    this.sender = sender;
    this.settings = settings;
    this.postman = new Courier("collab-mail", settings.attempts(), settings.retryDelay());
  }

  public boolean enabled() {
    return sender.getIfAvailable() != null;
  }

  public MailSettings settings() {
    return settings;
  }

  /**
   * Queues {@code mail} under {@code key} (unless the running command queued that key already): it
   * is sent when the command's transaction commits. Outside a command it is sent at once.
   *
   * @return false when the key was queued already
   */
  public boolean queue(String key, Mail mail) {
    if (!enabled() || mail.to().isEmpty()) {
      return false;
    }
    return afterCommit.queue(
        key,
        () -> postman.send("mail to " + mail.to() + ": " + mail.subject(), () -> deliver(mail)));
  }

  /** Whether the running command has queued {@code key}. */
  public boolean queued(String key) {
    return afterCommit.queued(key);
  }

  private void deliver(Mail mail) throws Exception {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      return;
    }
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(settings.from());
    helper.setTo(mail.to().toArray(String[]::new));
    helper.setSubject(mail.subject());
    helper.setText(mail.body());
    mailSender.send(message);
  }

  @PreDestroy
  void stop() {
    int dropped = postman.stop();
    if (dropped > 0) {
      LOG.warn("{} mail(s) not sent: the application stops before their turn", dropped);
    }
  }
}
