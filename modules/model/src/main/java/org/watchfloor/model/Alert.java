package org.watchfloor.model;

import java.time.Instant;
import java.util.List;

/**
 * An alert fired by a rule. {@code id} is the idempotency key: the same evaluation always yields the same id, so a
 * receiver can drop repeats.
 */
public record Alert(
    int schemaVersion,
    String id,
    String ruleId,
    String ruleName,
    String ruleType,
    String key,
    TensionLevel level,
    String title,
    String message,
    List<String> articleIds,
    List<String> actors,
    long count,
    Instant windowStart,
    Instant windowEnd,
    Instant firedAt,
    List<String> channels) implements Versioned {

  public static final int VERSION = 1;

  public Alert {
    articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    actors = actors == null ? List.of() : List.copyOf(actors);
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
