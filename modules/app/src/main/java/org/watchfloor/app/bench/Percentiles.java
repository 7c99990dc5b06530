package org.watchfloor.app.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of latencies in milliseconds; empty input gives -1 everywhere. */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

  public static Percentiles of(Collection<Long> millis) {
    if (millis.isEmpty()) {
      return new Percentiles(0, -1, -1, -1, -1);
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  static long rank(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
