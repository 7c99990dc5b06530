package org.watchfloor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerting.rules.TestArticles.T0;
import static org.watchfloor.alerting.rules.TestArticles.article;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Alert;

class ThrottleDigestSilenceTest {

  @Test
  void realertDropsRepeatsForTheSameKeyOnly() {
    RuleEngine engine = TestRules.engine(
        "rules:\n  - {id: m, type: match, group_by: actor, realert: 30m}\n");
    MapRuleState state = new MapRuleState();
    assertThat(engine.evaluate(article("1").atMinute(0).actors("PRK").build(), state)).hasSize(1);
    assertThat(engine.evaluate(article("2").atMinute(10).actors("PRK").build(), state)).isEmpty();
    assertThat(engine.evaluate(article("3").atMinute(20).actors("KOR").build(), state)).hasSize(1);
    assertThat(engine.evaluate(article("4").atMinute(31).actors("PRK").build(), state)).hasSize(1);
  }

  @Test
  void digestCollectsAlertsAndEmitsOneWhenPeriodEnds() {
    RuleEngine engine = TestRules.engine(
        "rules:\n  - {id: d, name: Desk, type: match, group_by: actor, digest: 15m}\n");
    MapRuleState state = new MapRuleState();
    List<Alert> out = new ArrayList<>();
    out.addAll(engine.evaluate(article("1").atMinute(1).actors("PRK").title("one").build(), state));
    out.addAll(engine.evaluate(article("2").atMinute(5).actors("KOR").title("two").build(), state));
    out.addAll(engine.tick(T0.plusSeconds(14 * 60), state));
    assertThat(out).isEmpty();
    out.addAll(engine.tick(T0.plusSeconds(15 * 60), state));
    assertThat(out).singleElement().satisfies(d -> {
      assertThat(d.key()).isEqualTo("digest");
      assertThat(d.count()).isEqualTo(2);
      assertThat(d.articleIds()).containsExactly("1", "2");
      assertThat(d.actors()).containsExactly("PRK", "KOR");
      assertThat(d.windowStart()).isEqualTo(T0);
      assertThat(d.message()).contains("Desk: one", "Desk: two");
    });
    assertThat(engine.tick(T0.plusSeconds(40 * 60), state)).isEmpty();
  }

  @Test
  void digestIsAlsoFlushedByTheNextArticleAfterThePeriod() {
    RuleEngine engine = TestRules.engine("rules:\n  - {id: d, type: match, digest: 15m}\n");
    MapRuleState state = new MapRuleState();
    assertThat(engine.evaluate(article("1").atMinute(1).build(), state)).isEmpty();
    List<Alert> out = engine.evaluate(article("2").atMinute(20).build(), state);
    assertThat(out).singleElement().satisfies(d -> assertThat(d.articleIds()).containsExactly("1"));
    assertThat(engine.flush(T0, state)).singleElement()
        .satisfies(d -> assertThat(d.articleIds()).containsExactly("2"));
  }

  @Test
  void silenceMutesMatchingKeyUntilItExpires() {
    RuleEngine engine = TestRules.engine("""
        silences:
          - {rule: m, key: PRK, until: "2026-11-20T01:00:00Z", reason: drill}
        rules:
          - {id: m, type: match, group_by: actor}
        """);
    MapRuleState state = new MapRuleState();
    assertThat(engine.evaluate(article("1").atMinute(0).actors("PRK", "KOR").build(), state))
        .extracting(Alert::key).containsExactly("KOR");
    assertThat(engine.evaluate(article("2").atMinute(61).actors("PRK").build(), state))
        .extracting(Alert::key).containsExactly("PRK");
  }

  @Test
  void wildcardSilenceMutesEveryRule() {
    RuleEngine engine = TestRules.engine("""
        silences:
          - {rule: "*", until: "2026-11-20T00:30:00Z"}
        rules:
          - {id: a, type: match}
          - {id: b, type: match}
        """);
    MapRuleState state = new MapRuleState();
    assertThat(engine.evaluate(article("1").atMinute(10).build(), state)).isEmpty();
    assertThat(engine.evaluate(article("2").atMinute(31).build(), state)).hasSize(2);
  }
}
