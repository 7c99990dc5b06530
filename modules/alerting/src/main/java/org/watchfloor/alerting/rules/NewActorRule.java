package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.Alert;

/**
 * Fires for each actor named in a matching article that was not seen for the rule's key within {@code lookback};
 * with a {@code warmup}, the rule first learns the key's usual actors for that long.
 */
public final class NewActorRule extends Rule {
  private final Duration lookback;
  private final Duration warmup;

  NewActorRule(RuleSpec spec, Duration realert, Duration digest, Duration lookback, Duration warmup) {
    super(spec, realert, digest, "{{rule_name}}: new actor {{actor}} for {{group}}",
        "{{actor}} appears for {{group}}, unseen in the last {{lookback}}: {{article_title}} {{article_url}}");
    this.lookback = lookback;
    this.warmup = warmup;
  }

  @Override
  List<Alert> fire(RuleHit hit, RuleState state) {
    String key = stateKey("seen", hit.key());
    RuleStates.Seen s = state.get(key, RuleStates.Seen.class);
    long now = hit.eventTime().toEpochMilli();
    long from = now - lookback.toMillis();
    Map<String, Long> seen = new HashMap<>();
    long since = s == null ? now : Math.min(s.since(), now);
    if (s != null) {
      s.lastSeen().forEach((actor, at) -> {
        if (at >= from) {
          seen.put(actor, at);
        }
      });
    }
    boolean learning = warmup != null && now - since < warmup.toMillis();
    List<Alert> out = new ArrayList<>();
    for (String actor : hit.actors()) {
      Long last = seen.get(actor);
      if (last == null && !learning) {
        String alertKey = "*".equals(hit.key()) ? actor : hit.key() + "/" + actor;
        out.add(alert(hit.articleId(), alertKey, hit.level(), List.of(hit.articleId()), List.of(actor), 1,
            hit.eventTime(), hit.eventTime(), hit.eventTime(), hit,
            Map.of("actor", actor, "group", "*".equals(hit.key()) ? "all articles" : hit.key(),
                "lookback", lookback.toString())));
      }
      seen.merge(actor, now, Math::max);
    }
    state.put(key, new RuleStates.Seen(seen, since));
    return out;
  }
}
