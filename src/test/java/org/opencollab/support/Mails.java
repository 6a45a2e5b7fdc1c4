package org.opencollab.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;

/** Reading the mails a test's GreenMail server received, and a free port to run it on. */
public final class Mails {

  private Mails() {}

  /** The mail's recipients as one text ("[alice@example.com, bob@example.com]"), else empty. */
  public static String recipients(MimeMessage mail) {
    try {
      return Arrays.toString(mail.getAllRecipients());
    } catch (MessagingException e) {
      return "";
    }
  }

  /** The mail's subject, else empty. */
  public static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      return "";
    }
  }

  /** A port nobody listens on now, for the test's SMTP server. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
