package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.Alert;
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

  private String key() {
    return "flatline|" + id();
  }

  @Override
  List<Alert> fire(RuleHit hit, RuleState state) {
    RuleStates.Quiet q = state.get(key(), RuleStates.Quiet.class);
    Map<String, Long> lastSeen = new HashMap<>(q == null ? Map.of() : q.lastSeen());
    Map<String, Long> alerted = new HashMap<>(q == null ? Map.of() : q.alerted());
    lastSeen.merge(hit.key(), hit.eventTime().toEpochMilli(), Math::max);
    alerted.remove(hit.key());
    state.put(key(), new RuleStates.Quiet(lastSeen, alerted));
    return List.of();
  }

  @Override
  List<Alert> onTick(Instant now, RuleState state) {
    RuleStates.Quiet q = state.get(key(), RuleStates.Quiet.class);
    if (q == null) {
      return List.of();
    }
    List<Alert> out = new ArrayList<>();
    Map<String, Long> alerted = new HashMap<>(q.alerted());
    q.lastSeen().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      long last = e.getValue();
      if (now.toEpochMilli() - last >= quiet.toMillis() && !Long.valueOf(last).equals(alerted.get(e.getKey()))) {
        alerted.put(e.getKey(), last);
        out.add(alert("quiet:" + last, e.getKey(), TensionLevel.LOW, List.of(), List.of(), 0,
            Instant.ofEpochMilli(last), now, now, null, Map.of("quiet", quiet.toString())));
      }
    });
    if (!out.isEmpty()) {
      state.put(key(), new RuleStates.Quiet(q.lastSeen(), alerted));
    }
    return out;
  }
}
