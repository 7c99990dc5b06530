package org.watchfloor.alerting.rules;

import java.time.Instant;

/**
 * Mutes a rule (or every rule, {@code *}) for one key or all keys until it expires.
 *
 * @param key the alert key to mute (an actor, a dyad, a source...); null mutes every key
 */
public record SilenceSpec(String id, String rule, String key, Instant until, String reason) {
  /** Rules-topic records keyed with this prefix and the silence's id hold a silence, not a rule. */
  public static final String TOPIC_KEY_PREFIX = "silence/";

  /** The key of this silence in the rules topic: {@code silence/<id>}. */
  public String topicKey() {
    return TOPIC_KEY_PREFIX + id;
  }

  /** Whether a rules-topic key names a silence. */
  public static boolean isTopicKey(String key) {
    return key != null && key.startsWith(TOPIC_KEY_PREFIX);
  }

  /** Reads a silence sent as JSON to the rules topic ({@code id, rule, key, until, reason}, snake case). */
  public static SilenceSpec fromJson(String topicKey, byte[] json) {
    SilenceSpec s;
    try {
      s = org.watchfloor.model.Json.MAPPER.readValue(json, SilenceSpec.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("silence " + topicKey + " is not valid JSON with id, rule, key, until");
    }
    if (s == null || s.until() == null) {
      throw new IllegalArgumentException("silence " + topicKey + " has no until time");
    }
    if (s.rule() == null || s.rule().isBlank()) {
      throw new IllegalArgumentException("silence " + topicKey + " names no rule (use * for every rule)");
    }
    return s;
  }

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
