package org.watchfloor.alerting.rules;

import java.time.Instant;
import java.util.List;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.Versioned;

/**
 * An article that passed a rule's filter, reduced to what the rule's state needs, for one query key; the topology
 * repartitions hits by rule and key so that windows see every matching article.
 */
public record RuleHit(
    int schemaVersion,
    String ruleId,
    String key,
    String articleId,
    Instant eventTime,
    String title,
    String url,
    String source,
    TensionLevel level,
    double score,
    List<String> actors) implements Versioned {

  public static final int VERSION = 1;

  public RuleHit {
    actors = actors == null ? List.of() : List.copyOf(actors);
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
