package org.opencollab.notify;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the product's mail, never inside the engine's transaction: what a command queues goes out
 * after it commits, and nothing when it rolls back. Sending runs on a thread of its own, so a slow
 * or absent mail server never holds up or breaks the process. A failed message is tried again after
 * {@code collab.mail.retry-delay}, doubled each time, {@code collab.mail.attempts} times in all;
 * every message sent or given up is logged.
 *
 * <p>Mail is on when {@code spring.mail.host} is set (Spring Boot then provides a {@link
 * JavaMailSender}); otherwise nothing is queued.
 */
@Component
public class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** What one engine command has queued, with keys that tell what is in it already. */
  static final class Batch {
    final List<Mail> mails = new ArrayList<>();
    final Set<String> keys = new HashSet<>();
  }

  private final ObjectProvider<JavaMailSender> sender;
  private final MailSettings settings;
  private final Map<CommandContext, Batch> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService postman =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "collab-mail");
            thread.setDaemon(true);
            return thread;
          });

  public Outbox(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
    this.sender = sender;
    this.settings = settings;
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
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      send(mail, 1);
      return true;
    }
    Batch batch =
        pending.computeIfAbsent(
            command,
            context -> {
              context
                  .getTransactionContext()
                  .addTransactionListener(
                      TransactionState.COMMITTED,
                      committed -> {
                        Batch done = pending.remove(context);
                        if (done != null) {
                          done.mails.forEach(queued -> send(queued, 1));
                        }
                      });
              context
                  .getTransactionContext()
                  .addTransactionListener(
                      TransactionState.ROLLED_BACK, rolledBack -> pending.remove(context));
              return new Batch();
            });
    if (!batch.keys.add(key)) {
      return false;
    }
    batch.mails.add(mail);
    return true;
  }

  /** Whether the running command has queued {@code key}. */
  public boolean queued(String key) {
    CommandContext command = Context.getCommandContext();
    Batch batch = command == null ? null : pending.get(command);
    return batch != null && batch.keys.contains(key);
  }

  private void send(Mail mail, int attempt) {
    long delay = attempt == 1 ? 0 : settings.retryDelay().toMillis() << (attempt - 2);
    postman.schedule(() -> deliver(mail, attempt), delay, TimeUnit.MILLISECONDS);
  }

  private void deliver(Mail mail, int attempt) {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      return;
    }
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(settings.from());
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body());
      mailSender.send(message);
      LOG.info("mail sent to {}: {}", mail.to(), mail.subject());
    } catch (Exception e) {
      if (attempt < settings.attempts()) {
        LOG.warn(
            "mail to {} failed (attempt {} of {}), trying again: {}",
            mail.to(),
            attempt,
            settings.attempts(),
            e.getMessage());
        send(mail, attempt + 1);
      } else {
        LOG.error(
            "mail to {} given up after {} attempts: {} ({})",
            mail.to(),
            attempt,
            mail.subject(),
            e.getMessage());
      }
    }
  }

  @PreDestroy
  void stop() {
    int dropped = postman.shutdownNow().size();
    if (dropped > 0) {
      LOG.warn("{} mail(s) not sent: the application stops before their turn", dropped);
    }
  }
}
