package org.watchfloor.alerting.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.watchfloor.alerting.rules.ArticleFacts;
import org.watchfloor.alerting.rules.MapRuleState;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;

/**
 * Runs articles through a rule engine in order with in-memory state, letting each article's time drive the clock
 * (flatlines, digests), and collects the alerts that would have fired. Pure: no Kafka, no I/O.
 */
public final class RuleReplay {
  private final RuleEngine engine;
  private final MapRuleState state = new MapRuleState();
  private final List<Alert> alerts = new ArrayList<>();
  private long articles;
  private Instant clock = Instant.EPOCH;

  public RuleReplay(RuleEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  public void accept(EnrichedArticle article) {
    Instant t = ArticleFacts.eventTime(article);
    if (t.isAfter(clock)) {
      clock = t;
      alerts.addAll(engine.tick(clock, state));
    }
    alerts.addAll(engine.evaluate(article, state));
    articles++;
  }

  /** Ends the replay at {@code end}: the clock-driven alerts due by then, and every pending digest. */
  public List<Alert> finish(Instant end) {
    if (end.isAfter(clock)) {
      alerts.addAll(engine.tick(end, state));
    }
    alerts.addAll(engine.flush(end, state));
    return List.copyOf(alerts);
  }

  public long articles() {
    return articles;
  }
}
