package org.watchfloor.alerting.rules;

import java.util.List;
import org.watchfloor.model.Alert;

/** The immutable state records rules keep in a {@link RuleState}; each is small and serialises to JSON. */
public final class RuleStates {
  private RuleStates() {}

  /** Match times and article ids inside a frequency rule's window. */
  public record Window(List<Long> times, List<String> articleIds) {
    public Window {
      times = times == null ? List.of() : List.copyOf(times);
      articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }
  }

  /**
   * A ring of counts per time bucket for a spike rule ({@code counts[i % length]} for bucket {@code i}, up to
   * {@code head}), the bucket it last fired in and the first bucket it saw.
   */
  public record Buckets(long[] counts, long head, long lastFired, long since) {}

  /** Sum and count of tension scores in the current window, the previous window's mean, and whether it fired. */
  public record Mean(long bucket, double sum, long count, double prevMean, long prevCount, boolean fired) {}

  /** The keys a flatline rule has seen; it changes only when a new key appears. */
  public record Keys(List<String> keys) {
    public Keys {
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }

  /** When a flatline key was last seen, and the last-seen time already alerted on (0 when none). */
  public record Quiet(long lastSeen, long alerted) {}

  /** The alerts collected for a rule's current digest period. */
  public record Digest(long periodStart, List<Alert> alerts) {
    public Digest {
      alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
  }

  /** When a rule last fired for a key, for throttling. */
  public record Stamp(long at) {}
}
