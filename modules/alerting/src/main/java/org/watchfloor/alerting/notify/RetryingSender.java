package org.watchfloor.alerting.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;

/** Sends an alert through a channel, retrying failures worth retrying with exponential backoff. */
public final class RetryingSender {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

  /** How a delivery ended: {@code error} is null when it succeeded; {@code attempts} counts the tries. */
  public record Outcome(String channelType, int attempts, String error) {
    public boolean delivered() {
      return error == null;
    }
  }

  private final RetryPolicy retry;
  private final BooleanSupplier stopping;

  /** {@code stopping} is polled while waiting between attempts; when it turns true the delivery is abandoned. */
  public RetryingSender(RetryPolicy retry, BooleanSupplier stopping) {
    this.retry = Objects.requireNonNull(retry, "retry");
    this.stopping = Objects.requireNonNull(stopping, "stopping");
  }

  /** The outcome, or null when the worker began stopping before the delivery was settled. */
  public Outcome send(Channel channel, Alert alert) {
    String text = channel.render(alert);
    for (int attempt = 1; ; attempt++) {
      try {
        channel.notifier().send(alert, text);
        return new Outcome(channel.type(), attempt, null);
      } catch (DeliveryException e) {
        if (!e.retryable() || attempt >= retry.maxAttempts()) {
          return new Outcome(channel.type(), attempt, e.getMessage());
        }
        LOG.info("Alert {} to {} failed (attempt {}), retrying: {}", alert.id(), channel.name(), attempt,
            e.getMessage());
      } catch (RuntimeException e) {
        return new Outcome(channel.type(), attempt, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (!pause(retry.delayAfter(attempt))) {
        return null;
      }
    }
  }

  private boolean pause(Duration d) {
    long until = System.nanoTime() + d.toNanos();
    while (!stopping.getAsBoolean()) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
