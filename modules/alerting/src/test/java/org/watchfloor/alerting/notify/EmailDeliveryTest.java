package org.watchfloor.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailDeliveryTest {
  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@example.org", "desk", "s3cret"));

  private final RetryingSender sender =
      new RetryingSender(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)), () -> false);

  private SmtpSettings smtp(String password, boolean starttlsRequired) {
    return new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "desk", password, "watchfloor@example.org", true,
        starttlsRequired, Duration.ofSeconds(5));
  }

  @Test
  void sendsAlertByAuthenticatedSmtpWithIdempotencyHeader() throws Exception {
    Channel email = new Channel("mail", "email", new EmailNotifier(smtp("s3cret", false), List.of("desk@example.org")),
        null);
    RetryingSender.Outcome out = sender.send(email, WebhookDeliveryTest.alert("mail-1"));
    assertThat(out.delivered()).as(String.valueOf(out.error())).isTrue();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("PRK high: missile launch");
    assertThat(received[0].getHeader("Idempotency-Key")).containsExactly("mail-1");
    assertThat(((String) received[0].getContent()).trim()).isEqualTo("Missile launched toward the East Sea");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("desk@example.org");
  }

  @Test
  void refusesToSendInPlainTextWhenStarttlsIsRequiredAndMissing() {
    // GreenMail offers no STARTTLS, so a client that requires it must refuse rather than fall back to plain text
    Channel email = new Channel("mail", "email", new EmailNotifier(smtp("s3cret", true), List.of("desk@example.org")),
        null);
    RetryingSender.Outcome out = sender.send(email, WebhookDeliveryTest.alert("mail-2"));
    assertThat(out.delivered()).isFalse();
    assertThat(out.error()).containsIgnoringCase("STARTTLS");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void wrongPasswordIsNotRetried() {
    Channel email = new Channel("mail", "email", new EmailNotifier(smtp("wrong", false), List.of("desk@example.org")),
        null);
    RetryingSender.Outcome out = sender.send(email, WebhookDeliveryTest.alert("mail-3"));
    assertThat(out.delivered()).isFalse();
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(out.error()).contains("authentication failed");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }
}
