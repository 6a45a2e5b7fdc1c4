package org.opencollab.notify;

import java.util.List;

/** One message to its recipients' addresses, in English and Chinese. */
public record Mail(List<String> to, String subject, String body) {

  public Mail {
    to = List.copyOf(to);
  }
}
