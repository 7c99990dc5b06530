package org.watchfloor.alerting.notify;

import java.time.Duration;
import org.watchfloor.model.config.Settings;

/**
 * How often and how patiently a delivery is retried: {@code alerting.notify.max.attempts} (5),
 * {@code alerting.notify.backoff} (200ms, doubled each retry) and {@code alerting.notify.max.backoff} (5s).
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {
  public static RetryPolicy from(Settings s) {
    return new RetryPolicy(
        Math.max(1, s.getInt("alerting.notify.max.attempts", 5)),
        s.getDuration("alerting.notify.backoff", Duration.ofMillis(200)),
        s.getDuration("alerting.notify.max.backoff", Duration.ofSeconds(5)));
  }

  /** The pause before attempt {@code attempt + 1}, after {@code attempt} failures. */
  public Duration delayAfter(int attempt) {
    long ms = backoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }
}
