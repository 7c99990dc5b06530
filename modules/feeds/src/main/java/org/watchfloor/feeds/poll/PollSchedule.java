package org.watchfloor.feeds.poll;

import java.time.Duration;

/**
 * Adaptive poll intervals, within a source's bounds: halve after new entries, grow by half when quiet, double after a
 * retryable failure and jump to the maximum after a permanent one (404, not a feed).
 */
public final class PollSchedule {
  private PollSchedule() {}

  /** The outcome of one poll, as far as scheduling cares. */
  public enum Outcome {
    NEW_ENTRIES, NOTHING_NEW, RETRYABLE_FAILURE, PERMANENT_FAILURE
  }

  public static Duration next(Duration current, Duration min, Duration max, Outcome outcome) {
    long cur = clamp(current.toMillis(), min.toMillis(), max.toMillis());
    long next;
    switch (outcome) {
      case NEW_ENTRIES:
        next = cur / 2;
        break;
      case NOTHING_NEW:
        next = cur + cur / 2;
        break;
      case RETRYABLE_FAILURE:
        next = cur * 2;
        break;
      case PERMANENT_FAILURE:
      default:
        next = max.toMillis();
        break;
    }
    return Duration.ofMillis(clamp(next, min.toMillis(), max.toMillis()));
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
