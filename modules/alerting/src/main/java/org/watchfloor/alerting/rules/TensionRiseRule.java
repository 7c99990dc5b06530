package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.watchfloor.model.TensionLevel;

/**
 * Fires once per window when the mean tension of a key's articles in the window crosses into a level, or rises by a
 * delta over the previous window's mean; windows are tumbling and aligned to the epoch.
 */
public final class TensionRiseRule extends Rule {
  private final Duration window;
  private final Double threshold;
  private final Double delta;
  private final int minCount;

  TensionRiseRule(RuleSpec spec, Duration realert, Duration digest, Duration window, TensionLevel level, Double delta,
      int minCount) {
    super(spec, realert, digest, "{{rule_name}}: tension for {{key}} rose to {{mean}} ({{level}})",
        "Mean tension for {{key}} over {{count}} articles between {{window_start}} and {{window_end}} is {{mean}}, "
            + "previous window {{previous}}; latest: {{article_title}} {{article_url}}");
    this.window = window;
    this.threshold = level == null ? null : lowerBound(level);
    this.delta = delta;
    this.minCount = minCount;
  }

  /** The lowest score of a level. */
  static double lowerBound(TensionLevel level) {
    return level.ordinal() * 20.0;
  }

  @Override
  List<Draft> fire(RuleHit hit, RuleState state) {
    String key = stateKey("tension", hit.key());
    RuleStates.Mean m = state.get(key, RuleStates.Mean.class);
    long bucket = Math.floorDiv(hit.eventTime().toEpochMilli(), window.toMillis());
    if (m == null) {
      m = new RuleStates.Mean(bucket, 0, 0, 0, 0, false);
    } else if (bucket > m.bucket()) {
      boolean hadPrevious = m.count() > 0;
      m = new RuleStates.Mean(bucket, 0, 0, hadPrevious ? m.sum() / m.count() : m.prevMean(),
          hadPrevious ? m.count() : m.prevCount(), false);
    } else if (bucket < m.bucket()) {
      // a late article for a closed window changes nothing: its window was judged already
      return List.of();
    }
    double sum = m.sum() + hit.score();
    long count = m.count() + 1;
    double mean = sum / count;
    boolean crossed = threshold != null && mean >= threshold && (m.prevCount() == 0 || m.prevMean() < threshold);
    boolean rose = delta != null && m.prevCount() > 0 && mean - m.prevMean() >= delta;
    boolean fire = !m.fired() && count >= minCount && (crossed || rose);
    state.put(key, new RuleStates.Mean(bucket, sum, count, m.prevMean(), m.prevCount(), m.fired() || fire));
    if (!fire) {
      return List.of();
    }
    Instant ws = Instant.ofEpochMilli(bucket * window.toMillis());
    Instant we = ws.plus(window);
    String prev = m.prevCount() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", m.prevMean());
    return List.of(alert("window:" + bucket, hit.key(), TensionLevel.of(mean), List.of(hit.articleId()),
        hit.actors(), count, ws, we, hit.eventTime(), hit,
        Map.of("mean", String.format(Locale.ROOT, "%.1f", mean), "previous", prev)));
  }
}
