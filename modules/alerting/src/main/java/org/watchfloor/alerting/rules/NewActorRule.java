package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  List<Draft> fire(RuleHit hit, RuleState state) {
    long now = hit.eventTime().toEpochMilli();
    String sinceKey = stateKey("seen-since", hit.key());
    RuleStates.Stamp since = state.get(sinceKey, RuleStates.Stamp.class);
    if (since == null || since.at() > now) {
      since = new RuleStates.Stamp(now);
      state.put(sinceKey, since);
    }
    boolean learning = warmup != null && now - since.at() < warmup.toMillis();
    List<Draft> out = new ArrayList<>();
    for (String actor : hit.actors()) {
      String key = stateKey("seen", hit.key() + "|" + actor);
      RuleStates.Stamp last = state.get(key, RuleStates.Stamp.class);
      boolean isNew = last == null || now - last.at() > lookback.toMillis();
      if (isNew && !learning) {
        String alertKey = "*".equals(hit.key()) ? actor : hit.key() + "/" + actor;
        out.add(alert(hit.articleId(), alertKey, hit.level(), List.of(hit.articleId()), List.of(actor), 1,
            hit.eventTime(), hit.eventTime(), hit.eventTime(), hit,
            Map.of("actor", actor, "group", "*".equals(hit.key()) ? "all articles" : hit.key(),
                "lookback", lookback.toString())));
      }
      if (last == null || now > last.at()) {
        state.put(key, new RuleStates.Stamp(now));
      }
    }
    return out;
  }
}
