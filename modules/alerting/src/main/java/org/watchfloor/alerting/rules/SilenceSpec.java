package org.watchfloor.alerting.rules;

import java.time.Instant;

/**
 * Mutes a rule (or every rule, {@code *}) for one key or all keys until it expires.
 *
 * @param key the alert key to mute (an actor, a dyad, a source...); null mutes every key
 */
public record SilenceSpec(String id, String rule, String key, Instant until, String reason) {

  /** Whether this silence mutes an alert of {@code ruleId} with {@code alertKey} at {@code now}. */
  public boolean mutes(String ruleId, String alertKey, Instant now) {
    if (until == null || !now.isBefore(until)) {
      return false;
    }
    boolean ruleMatches = rule == null || "*".equals(rule) || rule.equals(ruleId);
    boolean keyMatches = key == null || "*".equals(key) || key.equals(alertKey);
    return ruleMatches && keyMatches;
  }
}
