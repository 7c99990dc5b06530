package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.TensionLevel;

/**
 * Fires once when a key (a source, a topic) that has been seen goes quiet for {@code quiet}; the clock drives it, and
 * the key's next article re-arms it.
 */
public final class FlatlineRule extends Rule {
  private final Duration quiet;

  FlatlineRule(RuleSpec spec, Duration realert, Duration digest, Duration quiet) {
    super(spec, realert, digest, "{{rule_name}}: {{key}} quiet since {{window_start}}",
        "No matching article for {{key}} since {{window_start}} ({{quiet}} or more).");
    this.quiet = quiet;
  }

  @Override
  boolean keyedByRule() {
    return true;
  }

  @Override
  List<Draft> fire(RuleHit hit, RuleState state) {
    String key = stateKey("quiet", hit.key());
    RuleStates.Quiet q = state.get(key, RuleStates.Quiet.class);
    long at = hit.eventTime().toEpochMilli();
    if (q == null) {
      String keysKey = "flatline-keys|" + id();
      RuleStates.Keys keys = state.get(keysKey, RuleStates.Keys.class);
      List<String> all = new ArrayList<>(keys == null ? List.of() : keys.keys());
      all.add(hit.key());
      state.put(keysKey, new RuleStates.Keys(all));
      state.put(key, new RuleStates.Quiet(at, 0));
    } else if (at > q.lastSeen()) {
      state.put(key, new RuleStates.Quiet(at, 0));
    }
    return List.of();
  }

  @Override
  List<Draft> onTick(Instant now, RuleState state) {
    RuleStates.Keys keys = state.get("flatline-keys|" + id(), RuleStates.Keys.class);
    if (keys == null) {
      return List.of();
    }
    List<Draft> out = new ArrayList<>();
    for (String k : keys.keys().stream().sorted().toList()) {
      String key = stateKey("quiet", k);
      RuleStates.Quiet q = state.get(key, RuleStates.Quiet.class);
      if (q == null) {
        continue;
      }
      long last = q.lastSeen();
      if (now.toEpochMilli() - last >= quiet.toMillis() && q.alerted() != last) {
        state.put(key, new RuleStates.Quiet(last, last));
        out.add(alert("quiet:" + last, k, TensionLevel.LOW, List.of(), List.of(), 0,
            Instant.ofEpochMilli(last), now, now, null, Map.of("quiet", quiet.toString())));
      }
    }
    return out;
  }
}
