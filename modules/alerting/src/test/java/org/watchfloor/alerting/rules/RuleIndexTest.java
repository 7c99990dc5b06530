package org.watchfloor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.EnrichedArticle;

class RuleIndexTest {
  static final String[] ACTORS = {"PRK", "KOR", "USA", "JPN", "CHN", "RUS", "UKR", "TWN", "IRN", "ISR"};
  static final String[] TOPICS = {"military", "nuclear_missiles", "diplomacy", "sanctions", "cyber"};

  /** Random rules over a small vocabulary, so that many of them match. */
  static RuleSet randomRules(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("rules:\n");
    for (int i = 0; i < n; i++) {
      sb.append("  - {id: r").append(i).append(", type: match, filter: {");
      switch (r.nextInt(5)) {
        case 0:
          sb.append("actors: [").append(ACTORS[r.nextInt(ACTORS.length)]).append(", ")
              .append(ACTORS[r.nextInt(ACTORS.length)]).append("]");
          break;
        case 1:
          sb.append("topics: [").append(TOPICS[r.nextInt(TOPICS.length)]).append("], min_topic_score: 0.3");
          break;
        case 2:
          sb.append("dyads: [").append(ACTORS[r.nextInt(ACTORS.length)]).append('>')
              .append(ACTORS[r.nextInt(ACTORS.length)]).append("]");
          break;
        case 3:
          sb.append("all_actors: [").append(ACTORS[r.nextInt(ACTORS.length)]).append(", ")
              .append(ACTORS[r.nextInt(ACTORS.length)]).append("], min_level: ELEVATED");
          break;
        default:
          sb.append("keywords: [missile], min_score: ").append(r.nextInt(90));
          break;
      }
      sb.append("}}\n");
    }
    RuleSet set = new RuleLoader(Map.of()).parse(sb.toString(), "random");
    assertThat(set.problems()).isEmpty();
    return set;
  }

  static EnrichedArticle randomArticle(Random r, int i) {
    TestArticles a = TestArticles.article("x" + i).score(r.nextInt(100))
        .text(r.nextBoolean() ? "a missile launch" : "talks");
    int actors = 1 + r.nextInt(3);
    String first = null;
    for (int k = 0; k < actors; k++) {
      String actor = ACTORS[r.nextInt(ACTORS.length)];
      a.actors(actor);
      if (first == null) {
        first = actor;
      } else {
        a.dyad(first, actor);
      }
    }
    a.topic(TOPICS[r.nextInt(TOPICS.length)], r.nextDouble());
    return a.build();
  }

  @Test
  void indexedCandidatesFindExactlyTheRulesThatBruteForceFinds() {
    RuleSet set = randomRules(300, 7);
    RuleIndex index = new RuleIndex(set.rules());
    Random r = new Random(11);
    int matches = 0;
    for (int i = 0; i < 500; i++) {
      ArticleFacts facts = ArticleFacts.of(randomArticle(r, i));
      List<String> brute = new ArrayList<>();
      for (Rule rule : set.rules()) {
        if (rule.filter().matches(facts)) {
          brute.add(rule.id());
        }
      }
      List<String> indexed = new ArrayList<>();
      List<Rule> candidates = index.candidates(facts);
      for (Rule rule : candidates) {
        if (rule.filter().matches(facts)) {
          indexed.add(rule.id());
        }
      }
      assertThat(indexed).isEqualTo(brute);
      assertThat(candidates).doesNotHaveDuplicates();
      matches += brute.size();
    }
    assertThat(matches).as("the random rules do match something").isGreaterThan(1000);
  }

  @Test
  void rulesRequiringAnActorAreNotTriedOnArticlesWithoutIt() {
    RuleSet set = TestRules.load("""
        rules:
          - {id: prk, type: match, filter: {actors: [PRK]}}
          - {id: sanctions, type: match, filter: {topics: [sanctions]}}
          - {id: any, type: match}
        """);
    RuleIndex index = new RuleIndex(set.rules());
    ArticleFacts facts = ArticleFacts.of(TestArticles.article("a").actors("JPN").topic("cyber", 1).build());
    assertThat(index.candidates(facts)).extracting(Rule::id).containsExactly("any");
  }
}
