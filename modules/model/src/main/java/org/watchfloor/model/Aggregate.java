package org.watchfloor.model;

import java.time.Instant;

/** Hourly article count and tension for one actor or dyad, for trends. {@code kind} is {@code actor} or {@code dyad}. */
public record Aggregate(
    int schemaVersion,
    String kind,
    String key,
    Instant windowStart,
    Instant windowEnd,
    long count,
    double tensionSum,
    double tensionMax) implements Versioned {

  public static final int VERSION = 1;

  public double tensionMean() {
    return count == 0 ? 0 : tensionSum / count;
  }

  /** Stable document id: one per key and window, so updates overwrite. */
  public String docId() {
    return kind + ":" + key + ":" + windowStart.toEpochMilli();
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
