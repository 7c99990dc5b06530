package org.watchfloor.alerting.rules;

import java.util.HashMap;
import java.util.Map;

/** Rule state held in memory, for tests, replays and benchmarks. */
public final class MapRuleState implements RuleState {
  private final Map<String, Object> values = new HashMap<>();

  @Override
  public <T> T get(String key, Class<T> type) {
    return type.cast(values.get(key));
  }

  @Override
  public void put(String key, Object value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  public int size() {
    return values.size();
  }
}
