package org.watchfloor.alerting.notify;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Predicate;
import org.watchfloor.http.AddressPolicy;
import org.watchfloor.http.HostResolver;
import org.watchfloor.http.PinnedHttpClient;
import org.watchfloor.http.PinnedSocketFactory;
import org.watchfloor.model.Alert;

/**
 * Sends the alert by SMTP (STARTTLS and authentication as configured) through Jakarta Mail. The SMTP host is
 * resolved once per connection, checked, and connected to at exactly that address ({@link PinnedSocketFactory});
 * STARTTLS still checks the certificate against the host name.
 */
public final class EmailNotifier implements Notifier {
  private final SmtpSettings smtp;
  private final List<String> to;
  private final Session session;

  public EmailNotifier(SmtpSettings smtp, List<String> to) {
    this(smtp, to, HostResolver.SYSTEM, AddressPolicy::isNonPublic);
  }

  /** For tests: another resolver (answers that change between calls) and another idea of non-public addresses. */
  EmailNotifier(SmtpSettings smtp, List<String> to, HostResolver resolver, Predicate<InetAddress> nonPublic) {
    this(smtp, to, new PinnedSocketFactory(resolver, smtp.allowPrivate() ? a -> false : nonPublic));
  }

  private EmailNotifier(SmtpSettings smtp, List<String> to, PinnedSocketFactory sockets) {
    this.smtp = Objects.requireNonNull(smtp, "smtp");
    this.to = List.copyOf(to);
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls() && smtp.starttlsRequired()));
    p.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
    p.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
    boolean auth = smtp.username() != null && !smtp.username().isEmpty();
    p.put("mail.smtp.auth", Boolean.toString(auth));
    // Every connection through the pinned factory, never a plain fallback that would resolve the host again.
    p.put("mail.smtp.socketFactory", sockets);
    p.put("mail.smtp.socketFactory.fallback", "false");
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    Authenticator authenticator = !auth ? null : new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(smtp.username(), smtp.password() == null ? "" : smtp.password());
      }
    };
    this.session = Session.getInstance(p, authenticator);
  }

  @Override
  public void send(Alert alert, String text) throws DeliveryException {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(smtp.from()));
      Address[] recipients = new Address[to.size()];
      for (int i = 0; i < to.size(); i++) {
        recipients[i] = new InternetAddress(to.get(i));
      }
      m.setRecipients(Message.RecipientType.TO, recipients);
      m.setSubject(alert.title(), StandardCharsets.UTF_8.name());
      m.setText(text, StandardCharsets.UTF_8.name());
      m.setSentDate(Date.from(alert.firedAt() == null ? Instant.now() : alert.firedAt()));
      m.setHeader(WebhookNotifier.IDEMPOTENCY_HEADER, alert.id());
      m.setHeader("X-Watchfloor-Alert-Id", alert.id());
      Transport.send(m);
    } catch (AuthenticationFailedException e) {
      throw new DeliveryException("SMTP " + smtp.host() + ": authentication failed", false, 0, e);
    } catch (SendFailedException e) {
      throw new DeliveryException("SMTP " + smtp.host() + ": recipients refused: " + e.getMessage(), false, 0, e);
    } catch (MessagingException e) {
      PinnedHttpClient.RefusedAddressException refused = refusedIn(e);
      if (refused != null) {
        throw new DeliveryException("SMTP " + smtp.host() + ": " + refused.getMessage()
            + " (set alerting.smtp.allow.private: true to allow it)", false, 0, e);
      }
      throw new DeliveryException("SMTP " + smtp.host() + ": " + e.getMessage(), true, 0, e);
    }
  }

  private static PinnedHttpClient.RefusedAddressException refusedIn(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof PinnedHttpClient.RefusedAddressException) {
        return (PinnedHttpClient.RefusedAddressException) c;
      }
      if (c instanceof MessagingException && ((MessagingException) c).getNextException() != null
          && ((MessagingException) c).getNextException() != c.getCause()) {
        PinnedHttpClient.RefusedAddressException r = refusedIn(((MessagingException) c).getNextException());
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }
}
