package org.watchfloor.alerting.notify;

import java.time.Duration;
import org.watchfloor.model.config.Settings;

/**
 * SMTP settings from {@code alerting.smtp.*}: host, port, username, password, from, starttls (default true),
 * starttls.required (default true), timeout and allow.private (default true: the relay is usually local; false
 * refuses a host that resolves to a loopback or private address). The connection always goes to the address checked.
 */
public record SmtpSettings(
    String host, int port, String username, String password, String from, boolean starttls, boolean starttlsRequired,
    Duration timeout, boolean allowPrivate) {

  /** Private addresses allowed. */
  public SmtpSettings(String host, int port, String username, String password, String from, boolean starttls,
                      boolean starttlsRequired, Duration timeout) {
    this(host, port, username, password, from, starttls, starttlsRequired, timeout, true);
  }

  public static SmtpSettings from(Settings s) {
    return new SmtpSettings(
        s.get("alerting.smtp.host", "localhost"),
        s.getInt("alerting.smtp.port", 587),
        s.get("alerting.smtp.username", null),
        s.get("alerting.smtp.password", null),
        s.get("alerting.smtp.from", "watchfloor@localhost"),
        s.getBoolean("alerting.smtp.starttls", true),
        s.getBoolean("alerting.smtp.starttls.required", true),
        s.getDuration("alerting.smtp.timeout", Duration.ofSeconds(10)),
        s.getBoolean("alerting.smtp.allow.private", true));
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", user " + username + ", starttls " + starttls + "]";
  }
}
