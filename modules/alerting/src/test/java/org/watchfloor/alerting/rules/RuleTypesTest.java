package org.watchfloor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerting.rules.TestArticles.T0;
import static org.watchfloor.alerting.rules.TestArticles.article;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.TensionLevel;

class RuleTypesTest {

  static List<Arguments> filters() {
    return List.of(
        Arguments.of("{actors: [PRK]}", article("a").actors("PRK", "KOR"), true),
        Arguments.of("{actors: [PRK]}", article("a").actors("KOR"), false),
        Arguments.of("{all_actors: [PRK, RUS]}", article("a").actors("PRK", "RUS"), true),
        Arguments.of("{all_actors: [PRK, RUS]}", article("a").actors("PRK"), false),
        Arguments.of("{dyads: [PRK>KOR]}", article("a").actors("PRK", "KOR").dyad("PRK", "KOR"), true),
        Arguments.of("{dyads: [PRK>KOR]}", article("a").actors("PRK", "KOR").dyad("KOR", "PRK"), false),
        Arguments.of("{min_level: HIGH}", article("a").score(65), true),
        Arguments.of("{min_level: HIGH}", article("a").score(59), false),
        Arguments.of("{min_score: 70}", article("a").score(71), true),
        Arguments.of("{topics: [sanctions], min_topic_score: 0.5}", article("a").topic("sanctions", 0.6), true),
        Arguments.of("{topics: [sanctions], min_topic_score: 0.5}", article("a").topic("sanctions", 0.4), false),
        Arguments.of("{keywords: [ICBM, hwasong]}", article("a").text("A Hwasong-19 was launched"), true),
        Arguments.of("{keywords: [ICBM]}", article("a").text("talks resumed"), false),
        Arguments.of("{sources: [kcna]}", article("a").source("kcna"), true),
        Arguments.of("{sources: [kcna]}", article("a").source("yonhap"), false),
        Arguments.of("{languages: [ko]}", article("a").language("ko"), true),
        Arguments.of("{languages: [ko]}", article("a").language("en"), false),
        Arguments.of("{actors: [PRK], min_level: SEVERE}", article("a").actors("PRK").score(70), false));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @MethodSource("filters")
  void matchRuleFiresExactlyWhenTheFilterPasses(String filter, TestArticles a, boolean fires) {
    Rule rule = TestRules.one("rules:\n  - {id: m, type: match, filter: " + filter + "}\n");
    List<Alert> alerts = rule.evaluate(a.build(), new MapRuleState());
    assertThat(alerts).hasSize(fires ? 1 : 0);
    if (fires) {
      assertThat(alerts.get(0).articleIds()).containsExactly("a");
      assertThat(alerts.get(0).ruleType()).isEqualTo("match");
    }
  }

  @Test
  void matchRuleGroupedByActorFiresPerMatchingActorWithTemplates() {
    Rule rule = TestRules.one("""
        rules:
          - id: m
            name: Desk
            type: match
            group_by: actor
            filter: {actors: [PRK, RUS]}
            title: "{{rule_name}} {{key}} {{level}}"
            template: "{{article_title}} at {{article_url}}"
        """);
    List<Alert> alerts = rule.evaluate(article("x").title("Troops").actors("PRK", "RUS", "UKR").score(70).build(),
        new MapRuleState());
    assertThat(alerts).extracting(Alert::key).containsExactly("PRK", "RUS");
    assertThat(alerts.get(0).title()).isEqualTo("Desk PRK HIGH");
    assertThat(alerts.get(0).message()).isEqualTo("Troops at https://example.org/x");
    assertThat(alerts.get(0).id()).isNotEqualTo(alerts.get(1).id());
  }

  @Test
  void frequencyFiresWhenThresholdReachedInsideWindowAndStartsAgain() {
    Rule rule = TestRules.one(
        "rules:\n  - {id: f, type: frequency, window: 1h, threshold: 3, group_by: actor, filter: {actors: [PRK]}}\n");
    MapRuleState state = new MapRuleState();
    assertThat(rule.evaluate(article("1").atMinute(0).actors("PRK").build(), state)).isEmpty();
    assertThat(rule.evaluate(article("2").atMinute(30).actors("PRK").build(), state)).isEmpty();
    List<Alert> fired = rule.evaluate(article("3").atMinute(50).actors("PRK").build(), state);
    assertThat(fired).singleElement().satisfies(a -> {
      assertThat(a.count()).isEqualTo(3);
      assertThat(a.key()).isEqualTo("PRK");
      assertThat(a.articleIds()).containsExactly("1", "2", "3");
      assertThat(a.windowStart()).isEqualTo(T0);
    });
    assertThat(rule.evaluate(article("4").atMinute(55).actors("PRK").build(), state)).isEmpty();
  }

  @Test
  void frequencyForgetsMatchesOlderThanTheWindow() {
    Rule rule = TestRules.one("rules:\n  - {id: f, type: frequency, window: 1h, threshold: 3}\n");
    MapRuleState state = new MapRuleState();
    rule.evaluate(article("1").atMinute(0).build(), state);
    rule.evaluate(article("2").atMinute(50).build(), state);
    assertThat(rule.evaluate(article("3").atMinute(70).build(), state)).isEmpty();
    assertThat(rule.evaluate(article("4").atMinute(80).build(), state)).hasSize(1);
  }

  @Test
  void frequencyCountsEachKeySeparately() {
    Rule rule = TestRules.one("rules:\n  - {id: f, type: frequency, window: 1h, threshold: 2, group_by: actor}\n");
    MapRuleState state = new MapRuleState();
    assertThat(rule.evaluate(article("1").actors("PRK").build(), state)).isEmpty();
    assertThat(rule.evaluate(article("2").actors("KOR").build(), state)).isEmpty();
    assertThat(rule.evaluate(article("3").actors("KOR").build(), state)).extracting(Alert::key)
        .containsExactly("KOR");
  }

  @Test
  void spikeFiresWhenCurrentWindowIsFactorTimesBaseline() {
    Rule rule = TestRules.one(
        "rules:\n  - {id: s, type: spike, window: 1h, baseline: 10h, factor: 3, min_count: 4, group_by: actor}\n");
    MapRuleState state = new MapRuleState();
    List<Alert> all = new ArrayList<>();
    // baseline: one article an hour for ten hours
    for (int h = 0; h < 10; h++) {
      all.addAll(rule.evaluate(article("b" + h).atMinute(h * 60L + 5).actors("PRK").build(), state));
    }
    assertThat(all).isEmpty();
    for (int i = 0; i < 3; i++) {
      all.addAll(rule.evaluate(article("s" + i).atMinute(600 + 10 + i).actors("PRK").build(), state));
    }
    assertThat(all).as("3 is below min_count 4").isEmpty();
    all.addAll(rule.evaluate(article("s3").atMinute(620).actors("PRK").build(), state));
    assertThat(all).singleElement().satisfies(a -> {
      assertThat(a.count()).isGreaterThanOrEqualTo(4);
      assertThat(a.message()).contains("x)");
    });
    assertThat(rule.evaluate(article("s4").atMinute(625).actors("PRK").build(), state)).as("once per window")
        .isEmpty();
  }

  @Test
  void spikeStaysQuietWithoutBaselineHistory() {
    Rule rule = TestRules.one("rules:\n  - {id: s, type: spike, window: 1h, baseline: 10h, min_count: 2}\n");
    MapRuleState state = new MapRuleState();
    List<Alert> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.addAll(rule.evaluate(article("n" + i).atMinute(i).build(), state));
    }
    assertThat(all).isEmpty();
  }

  @Test
  void tensionRiseFiresWhenWindowedMeanCrossesLevel() {
    Rule rule = TestRules.one("""
        rules:
          - {id: t, type: tension_rise, window: 1h, level: HIGH, min_count: 2, group_by: dyad,
             filter: {dyads: [PRK>KOR]}}
        """);
    MapRuleState state = new MapRuleState();
    assertThat(rule.evaluate(pk("1", 0, 30), state)).isEmpty();
    assertThat(rule.evaluate(pk("2", 10, 40), state)).isEmpty();
    // next hour: 70 then 80, mean 75 >= 60
    assertThat(rule.evaluate(pk("3", 65, 70), state)).as("min_count 2").isEmpty();
    List<Alert> fired = rule.evaluate(pk("4", 70, 80), state);
    assertThat(fired).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("PRK>KOR");
      assertThat(a.level()).isEqualTo(TensionLevel.HIGH);
      assertThat(a.message()).contains("75.0", "35.0");
    });
    assertThat(rule.evaluate(pk("5", 80, 90), state)).as("once per window").isEmpty();
  }

  @Test
  void tensionRiseFiresOnDeltaOverPreviousWindow() {
    Rule rule = TestRules.one("rules:\n  - {id: t, type: tension_rise, window: 1h, delta: 15, group_by: actor}\n");
    MapRuleState state = new MapRuleState();
    assertThat(rule.evaluate(article("1").atMinute(0).actors("PRK").score(20).build(), state)).isEmpty();
    assertThat(rule.evaluate(article("2").atMinute(61).actors("PRK").score(30).build(), state)).isEmpty();
    assertThat(rule.evaluate(article("3").atMinute(62).actors("PRK").score(50).build(), state)).hasSize(1);
  }

  private static EnrichedArticle pk(String id, long minute, double score) {
    return article(id).atMinute(minute).actors("PRK", "KOR").dyad("PRK", "KOR").score(score).build();
  }

  @Test
  void newActorFiresForUnseenActorsOnlyUntilLookbackPasses() {
    Rule rule = TestRules.one("rules:\n  - {id: n, type: new_actor, lookback: 1d}\n");
    MapRuleState state = new MapRuleState();
    assertThat(rule.evaluate(article("1").atMinute(0).actors("PRK", "KOR").build(), state))
        .extracting(Alert::key).containsExactly("PRK", "KOR");
    assertThat(rule.evaluate(article("2").atMinute(60).actors("PRK", "RUS").build(), state))
        .extracting(Alert::key).containsExactly("RUS");
    assertThat(rule.evaluate(article("3").atMinute(60 * 24 + 30).actors("KOR").build(), state))
        .as("KOR last seen more than a day ago").extracting(Alert::key).containsExactly("KOR");
  }

  @Test
  void newActorLearnsDuringWarmup() {
    Rule rule = TestRules.one("rules:\n  - {id: n, type: new_actor, lookback: 7d, warmup: 1h, group_by: source}\n");
    MapRuleState state = new MapRuleState();
    assertThat(rule.evaluate(article("1").atMinute(0).actors("PRK").build(), state)).isEmpty();
    assertThat(rule.evaluate(article("2").atMinute(90).actors("PRK", "UKR").build(), state))
        .extracting(Alert::key).containsExactly("yonhap/UKR");
  }

  @Test
  void flatlineFiresOnceWhenSeenKeyGoesQuietAndRearms() {
    Rule rule = TestRules.one("rules:\n  - {id: q, type: flatline, quiet: 2h, group_by: source}\n");
    MapRuleState state = new MapRuleState();
    rule.evaluate(article("1").atMinute(0).source("kcna").build(), state);
    rule.evaluate(article("2").atMinute(100).source("yonhap").build(), state);
    assertThat(rule.tick(T0.plusSeconds(60 * 60), state, List.of())).isEmpty();
    List<Alert> quiet = rule.tick(T0.plusSeconds(130 * 60), state, List.of());
    assertThat(quiet).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("kcna");
      assertThat(a.windowStart()).isEqualTo(T0);
    });
    assertThat(rule.tick(T0.plusSeconds(140 * 60), state, List.of())).as("already alerted").isEmpty();
    rule.evaluate(article("3").atMinute(150).source("kcna").build(), state);
    assertThat(rule.tick(T0.plusSeconds(400 * 60), state, List.of())).extracting(Alert::key)
        .containsExactly("kcna", "yonhap");
  }

  @Test
  void sameEvaluationGivesSameAlertIdsOnReplay() {
    RuleEngine engine = TestRules.engine("""
        rules:
          - {id: m, type: match, group_by: actor}
          - {id: f, type: frequency, window: 1h, threshold: 2}
        """);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    MapRuleState s1 = new MapRuleState();
    MapRuleState s2 = new MapRuleState();
    for (int i = 0; i < 4; i++) {
      EnrichedArticle a = article("r" + i).atMinute(i).actors("PRK").build();
      engine.evaluate(a, s1).forEach(x -> first.add(x.id()));
      engine.evaluate(a, s2).forEach(x -> second.add(x.id()));
    }
    assertThat(first).hasSize(6).doesNotHaveDuplicates().isEqualTo(second);
  }
}
