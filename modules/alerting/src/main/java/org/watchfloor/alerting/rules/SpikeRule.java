package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.watchfloor.model.Alert;

/**
 * Fires when the count in the current window is at least {@code factor} times the baseline's count per window and at
 * least {@code min_count}; counts are kept in buckets of a tenth of the window.
 */
public final class SpikeRule extends Rule {
  static final int BUCKETS_PER_WINDOW = 10;

  private final Duration window;
  private final long bucketMillis;
  private final long baselineBuckets;
  private final double factor;
  private final int minCount;

  SpikeRule(RuleSpec spec, Duration realert, Duration digest, Duration window, Duration baseline, double factor,
      int minCount) {
    super(spec, realert, digest, "{{rule_name}}: {{key}} spiking, {{count}} articles vs {{baseline}} usual",
        "{{count}} articles for {{key}} in the window ending {{window_end}}, against {{baseline}} per window over "
            + "the baseline ({{ratio}}x); latest: {{article_title}} {{article_url}}");
    this.window = window;
    this.bucketMillis = Math.max(1000, window.toMillis() / BUCKETS_PER_WINDOW);
    this.baselineBuckets = Math.max(1, baseline.toMillis() / bucketMillis);
    this.factor = factor;
    this.minCount = minCount;
  }

  @Override
  List<Alert> fire(RuleHit hit, RuleState state) {
    String key = stateKey("spike", hit.key());
    RuleStates.Buckets b = state.get(key, RuleStates.Buckets.class);
    long idx = Math.floorDiv(hit.eventTime().toEpochMilli(), bucketMillis);
    long oldest = idx - BUCKETS_PER_WINDOW - baselineBuckets;
    Map<Long, Long> counts = new HashMap<>();
    long since = b == null ? idx : b.since();
    long lastFired = b == null ? Long.MIN_VALUE / 2 : b.lastFired();
    if (b != null) {
      b.counts().forEach((i, c) -> {
        if (i > oldest) {
          counts.put(i, c);
        }
      });
    }
    counts.merge(idx, 1L, Long::sum);
    long current = 0;
    long base = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      long i = e.getKey();
      if (i > idx - BUCKETS_PER_WINDOW && i <= idx) {
        current += e.getValue();
      } else if (i <= idx - BUCKETS_PER_WINDOW) {
        base += e.getValue();
      }
    }
    double perWindow = (double) base * BUCKETS_PER_WINDOW / baselineBuckets;
    // With no baseline at all, only a key observed for a whole baseline period may spike: not every new key at start.
    boolean baselineKnown = base > 0 || idx - since >= BUCKETS_PER_WINDOW + baselineBuckets;
    boolean spike = current >= minCount && current >= factor * perWindow && baselineKnown
        && idx - lastFired >= BUCKETS_PER_WINDOW;
    state.put(key, new RuleStates.Buckets(counts, spike ? idx : lastFired, since));
    if (!spike) {
      return List.of();
    }
    Instant ws = Instant.ofEpochMilli((idx - BUCKETS_PER_WINDOW + 1) * bucketMillis);
    Instant we = Instant.ofEpochMilli((idx + 1) * bucketMillis);
    String ratio = perWindow == 0 ? "new" : String.format(Locale.ROOT, "%.1f", current / perWindow);
    return List.of(alert(hit.articleId(), hit.key(), hit.level(), List.of(hit.articleId()), hit.actors(), current,
        ws, we, hit.eventTime(), hit, Map.of("baseline", String.format(Locale.ROOT, "%.1f", perWindow),
            "ratio", ratio, "window", window.toString())));
  }
}
