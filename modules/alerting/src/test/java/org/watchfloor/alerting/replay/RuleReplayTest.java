package org.watchfloor.alerting.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerting.rules.TestArticles.T0;
import static org.watchfloor.alerting.rules.TestArticles.article;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.alerting.rules.AlertIds;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;

class RuleReplayTest {
  private static EnrichedArticle fetched(String id, Duration before, String actor, double score) {
    return article(id).at(T0.minus(before)).actors(actor).topic("military", 0.7).dyad(actor, "USA").score(score)
        .build();
  }

  @Test
  void replayCollectsWhatTheRulesWouldHaveFiredInFetchOrder() {
    RuleSet set = new RuleLoader(Map.of()).parse("""
        rules:
          - {id: prk-high, type: match, filter: {actors: [PRK], min_level: HIGH}}
          - {id: prk-freq, type: frequency, window: 6h, threshold: 3, filter: {actors: [PRK]}}
        """, "replay");
    RuleReplay replay = new RuleReplay(RuleEngine.of(set));
    for (EnrichedArticle a : List.of(
        fetched("p1", Duration.ofHours(3), "PRK", 85),
        fetched("k1", Duration.ofHours(2), "KOR", 90),
        fetched("p2", Duration.ofHours(1), "PRK", 30),
        fetched("p3", Duration.ofMinutes(30), "PRK", 70))) {
      replay.accept(a);
    }
    List<Alert> alerts = replay.finish(T0);

    assertThat(replay.articles()).isEqualTo(4);
    assertThat(alerts).extracting(Alert::id).containsExactly(
        AlertIds.of("prk-high", "*", "p1"), AlertIds.of("prk-high", "*", "p3"), AlertIds.of("prk-freq", "*", "p3"));
  }
}
