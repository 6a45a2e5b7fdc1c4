package org.opencollab.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collab.mail.*} (docs/employees.md, "E-mail"). Mail itself is on when {@code
 * spring.mail.host} is set, and off otherwise.
 *
 * @param from the sender of every message
 * @param baseUrl where people reach the application: the links in the messages start with it
 * @param attempts how often a message is tried before it is given up (and logged)
 * @param retryDelay the wait before the next attempt, doubled after each
 * @param overdueScan how often open tasks are checked for a due date that has passed
 */
@ConfigurationProperties("collab.mail")
public record MailSettings(
    @DefaultValue("opportunity-collaboration@localhost") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("4") int attempts,
    @DefaultValue("PT30S") Duration retryDelay,
    @DefaultValue("PT5M") Duration overdueScan) {

  /** The link that opens a task in Tasklist. */
  public String taskLink(String taskId) {
    return baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
