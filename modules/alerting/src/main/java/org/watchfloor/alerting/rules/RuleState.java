package org.watchfloor.alerting.rules;

/**
 * Where rules keep their windows, throttles and digests between articles: a state store in the topology, a map in
 * tests and replays. Values are immutable records; putting null removes.
 */
public interface RuleState {
  <T> T get(String key, Class<T> type);

  void put(String key, Object value);
}
