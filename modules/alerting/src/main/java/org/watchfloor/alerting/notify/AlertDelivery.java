package org.watchfloor.alerting.notify;

import java.time.Instant;

/**
 * The outcome of delivering one alert to one channel, written to the deliveries topic keyed by alert id; the indexer
 * records it on the alert's document and the notifier reads it back on start so it never sends an alert twice.
 *
 * @param status {@code delivered}, or {@code failed} when every attempt failed and the alert went to the dead letters
 */
public record AlertDelivery(
    String alertId,
    String ruleId,
    String channel,
    String channelType,
    String status,
    int attempts,
    String error,
    Instant deliveredAt,
    String instance) {
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
}
