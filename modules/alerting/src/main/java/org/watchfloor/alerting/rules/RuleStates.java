package org.watchfloor.alerting.rules;

import java.util.List;
import java.util.Map;
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

  /** Counts per time bucket for a spike rule, the bucket it last fired in and the first bucket it saw. */
  public record Buckets(Map<Long, Long> counts, long lastFired, long since) {
    public Buckets {
      counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
  }

  /** Sum and count of tension scores in the current window, the previous window's mean, and whether it fired. */
  public record Mean(long bucket, double sum, long count, double prevMean, long prevCount, boolean fired) {}

  /** When each actor was last seen for a new_actor key, and since when the key has been observed. */
  public record Seen(Map<String, Long> lastSeen, long since) {
    public Seen {
      lastSeen = lastSeen == null ? Map.of() : Map.copyOf(lastSeen);
    }
  }

  /** When each key of a flatline rule was last seen, and the last-seen time already alerted on. */
  public record Quiet(Map<String, Long> lastSeen, Map<String, Long> alerted) {
    public Quiet {
      lastSeen = lastSeen == null ? Map.of() : Map.copyOf(lastSeen);
      alerted = alerted == null ? Map.of() : Map.copyOf(alerted);
    }
  }

  /** The alerts collected for a rule's current digest period. */
  public record Digest(long periodStart, List<Alert> alerts) {
    public Digest {
      alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
  }

  /** When a rule last fired for a key, for throttling. */
  public record Stamp(long at) {}
}
