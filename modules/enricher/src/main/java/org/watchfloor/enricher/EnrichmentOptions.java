package org.watchfloor.enricher;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.TopicSetup;

/**
 * The knobs of the enrichment topology.
 *
 * @param maxPayloadBytes raw records larger than this go to the dead letters unread
 * @param dedupeRetention how long an article id is remembered for exact deduplication
 * @param storyWindow how far apart in event time two copies of one story may be
 * @param maxHammingDistance largest SimHash distance at which two articles count as copies
 * @param aggregateWindow size of the tumbling windows of the actor and dyad aggregates
 * @param aggregateRetention how long a window may still be updated by a late article
 * @param aggregateEmitInterval how often changed aggregates are emitted, each once with its latest value
 * @param partitions partitions of the topology's internal topics and of the story links topic (as the pipeline's)
 * @param listener told about every enriched and dead-lettered record
 * @param clock stamps {@code enriched_at}
 */
public record EnrichmentOptions(
    int maxPayloadBytes,
    Duration dedupeRetention,
    Duration storyWindow,
    int maxHammingDistance,
    Duration aggregateWindow,
    Duration aggregateRetention,
    Duration aggregateEmitInterval,
    int partitions,
    EnrichmentListener listener,
    Clock clock) {

  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

  public EnrichmentOptions {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
    }
    requirePositive(dedupeRetention, "dedupeRetention");
    requirePositive(storyWindow, "storyWindow");
    requirePositive(aggregateWindow, "aggregateWindow");
    requirePositive(aggregateRetention, "aggregateRetention");
    requirePositive(aggregateEmitInterval, "aggregateEmitInterval");
    if (maxHammingDistance < 0 || maxHammingDistance > 15) {
      throw new IllegalArgumentException("maxHammingDistance must be within 0..15, got " + maxHammingDistance);
    }
    if (aggregateRetention.compareTo(aggregateWindow) < 0) {
      throw new IllegalArgumentException("aggregateRetention must be at least aggregateWindow");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
  }

  /** 1 MB payloads, 7-day dedupe, 72-hour stories at distance 3, hourly aggregates kept 7 days, emitted each second. */
  public static EnrichmentOptions defaults() {
    return new EnrichmentOptions(DEFAULT_MAX_PAYLOAD_BYTES, Duration.ofDays(7), Duration.ofHours(72), 3,
        Duration.ofHours(1), Duration.ofDays(7), Duration.ofSeconds(1), TopicSetup.DEFAULT_PARTITIONS,
        EnrichmentListener.NONE, Clock.systemUTC());
  }

  /**
   * Defaults overridden by {@code enricher.max.payload.bytes}, {@code enricher.dedupe.retention},
   * {@code enricher.story.window}, {@code enricher.story.max.distance}, {@code enricher.aggregate.window},
   * {@code enricher.aggregate.retention} and {@code enricher.aggregate.emit.interval}.
   */
  public static EnrichmentOptions fromSettings(Settings settings) {
    EnrichmentOptions d = defaults();
    return new EnrichmentOptions(
        settings.getInt("enricher.max.payload.bytes", d.maxPayloadBytes()),
        settings.getDuration("enricher.dedupe.retention", d.dedupeRetention()),
        settings.getDuration("enricher.story.window", d.storyWindow()),
        settings.getInt("enricher.story.max.distance", d.maxHammingDistance()),
        settings.getDuration("enricher.aggregate.window", d.aggregateWindow()),
        settings.getDuration("enricher.aggregate.retention", d.aggregateRetention()),
        settings.getDuration("enricher.aggregate.emit.interval", d.aggregateEmitInterval()),
        settings.getInt("pipeline.partitions", d.partitions()),
        d.listener(),
        d.clock());
  }

  public EnrichmentOptions withListener(EnrichmentListener value) {
    return new EnrichmentOptions(maxPayloadBytes, dedupeRetention, storyWindow, maxHammingDistance, aggregateWindow,
        aggregateRetention, aggregateEmitInterval, partitions, value, clock);
  }

  public EnrichmentOptions withClock(Clock value) {
    return new EnrichmentOptions(maxPayloadBytes, dedupeRetention, storyWindow, maxHammingDistance, aggregateWindow,
        aggregateRetention, aggregateEmitInterval, partitions, listener, value);
  }

  public EnrichmentOptions withMaxPayloadBytes(int value) {
    return new EnrichmentOptions(value, dedupeRetention, storyWindow, maxHammingDistance, aggregateWindow,
        aggregateRetention, aggregateEmitInterval, partitions, listener, clock);
  }

  public EnrichmentOptions withPartitions(int value) {
    return new EnrichmentOptions(maxPayloadBytes, dedupeRetention, storyWindow, maxHammingDistance, aggregateWindow,
        aggregateRetention, aggregateEmitInterval, value, listener, clock);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
