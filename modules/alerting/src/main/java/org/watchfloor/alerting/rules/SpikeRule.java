package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fires when the count in the current window is at least {@code factor} times the baseline's count per window and at
 * least {@code min_count}; counts are kept in a ring of buckets of a tenth of the window.
 */
public final class SpikeRule extends Rule {
  static final int BUCKETS_PER_WINDOW = 10;

  private final Duration window;
  private final long bucketMillis;
  private final int baselineBuckets;
  private final int ring;
  private final double factor;
  private final int minCount;

  SpikeRule(RuleSpec spec, Duration realert, Duration digest, Duration window, Duration baseline, double factor,
      int minCount) {
    super(spec, realert, digest, "{{rule_name}}: {{key}} spiking, {{count}} articles vs {{baseline}} usual",
        "{{count}} articles for {{key}} in the window ending {{window_end}}, against {{baseline}} per window over "
            + "the baseline ({{ratio}}x); latest: {{article_title}} {{article_url}}");
    this.window = window;
    this.bucketMillis = Math.max(1000, window.toMillis() / BUCKETS_PER_WINDOW);
    this.baselineBuckets = (int) Math.max(1, Math.min(100_000, baseline.toMillis() / bucketMillis));
    this.ring = BUCKETS_PER_WINDOW + baselineBuckets;
    this.factor = factor;
    this.minCount = minCount;
  }

  @Override
  List<Draft> fire(RuleHit hit, RuleState state) {
    String key = stateKey("spike", hit.key());
    RuleStates.Buckets b = state.get(key, RuleStates.Buckets.class);
    long idx = Math.floorDiv(hit.eventTime().toEpochMilli(), bucketMillis);
    long[] counts;
    long head;
    long since;
    long lastFired;
    if (b == null || b.counts().length != ring) {
      counts = new long[ring];
      head = idx;
      since = idx;
      lastFired = Long.MIN_VALUE / 2;
    } else {
      counts = b.counts().clone();
      head = b.head();
      since = b.since();
      lastFired = b.lastFired();
    }
    if (idx > head) {
      // clear the slots of the buckets between the newest seen and this one: they had no articles
      for (long i = head + 1; i <= idx && i <= head + ring; i++) {
        counts[slot(i)] = 0;
      }
      head = idx;
    }
    if (idx <= head - ring) {
      // older than the whole baseline: nothing to count it in
      return List.of();
    }
    counts[slot(idx)]++;
    long current = 0;
    long base = 0;
    for (long i = head - ring + 1; i <= head; i++) {
      if (i > head - BUCKETS_PER_WINDOW) {
        current += counts[slot(i)];
      } else {
        base += counts[slot(i)];
      }
    }
    double perWindow = (double) base * BUCKETS_PER_WINDOW / baselineBuckets;
    // With no baseline at all, only a key observed for a whole baseline period may spike: not every new key at start.
    boolean baselineKnown = base > 0 || head - since >= ring;
    boolean spike = idx == head && current >= minCount && current >= factor * perWindow && baselineKnown
        && head - lastFired >= BUCKETS_PER_WINDOW;
    state.put(key, new RuleStates.Buckets(counts, head, spike ? head : lastFired, since));
    if (!spike) {
      return List.of();
    }
    Instant ws = Instant.ofEpochMilli((head - BUCKETS_PER_WINDOW + 1) * bucketMillis);
    Instant we = Instant.ofEpochMilli((head + 1) * bucketMillis);
    String ratio = perWindow == 0 ? "new" : String.format(Locale.ROOT, "%.1f", current / perWindow);
    return List.of(alert(hit.articleId(), hit.key(), hit.level(), List.of(hit.articleId()), hit.actors(), current,
        ws, we, hit.eventTime(), hit, Map.of("baseline", String.format(Locale.ROOT, "%.1f", perWindow),
            "ratio", ratio, "window", window.toString())));
  }

  private int slot(long bucket) {
    return (int) Math.floorMod(bucket, (long) ring);
  }
}
