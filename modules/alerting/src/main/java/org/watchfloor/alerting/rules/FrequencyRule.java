package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fires when at least {@code threshold} articles match for a key within a sliding window, then starts counting anew. */
public final class FrequencyRule extends Rule {
  private final Duration window;
  private final int threshold;

  FrequencyRule(RuleSpec spec, Duration realert, Duration digest, Duration window, int threshold) {
    super(spec, realert, digest, "{{rule_name}}: {{count}} articles for {{key}} within {{window}}",
        "{{count}} matching articles for {{key}} between {{window_start}} and {{window_end}}; latest: "
            + "{{article_title}} {{article_url}}");
    this.window = window;
    this.threshold = threshold;
  }

  @Override
  List<Draft> fire(RuleHit hit, RuleState state) {
    String key = stateKey("frequency", hit.key());
    RuleStates.Window w = state.get(key, RuleStates.Window.class);
    long now = hit.eventTime().toEpochMilli();
    long from = now - window.toMillis();
    List<Long> times = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    if (w != null) {
      for (int i = 0; i < w.times().size(); i++) {
        long at = w.times().get(i);
        // a time far ahead of this article's belongs to another era of the stream (a replay, a reset clock)
        if (at > from && at <= now + window.toMillis()) {
          times.add(at);
          ids.add(w.articleIds().get(i));
        }
      }
    }
    times.add(now);
    ids.add(hit.articleId());
    if (times.size() < threshold) {
      state.put(key, new RuleStates.Window(times, ids));
      return List.of();
    }
    state.put(key, null);
    long first = times.stream().mapToLong(Long::longValue).min().orElse(now);
    return List.of(alert(hit.articleId(), hit.key(), hit.level(), ids, hit.actors(), times.size(),
        Instant.ofEpochMilli(first), hit.eventTime(), hit.eventTime(), hit, Map.of("window", window.toString())));
  }
}
