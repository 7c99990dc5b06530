package org.watchfloor.desk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchfloor.desk.TestArticles.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.model.EnrichedArticle;

class DeskFilterTest {
  /** Three articles that the cases below tell apart. */
  static final List<EnrichedArticle> ARTICLES = List.of(
      article("launch").title("North Korea fires missile over the sea").text("Seoul said the launch was the third.")
          .actors("PRK", "KOR").dyads("PRK>KOR").topics("nuclear_missiles").score(72).region("east-asia")
          .source("wire-a").language("en").evidence("Seoul said the launch was the third.").build(),
      article("talks").title("Talks resume in Geneva").text("Delegates met for a second day of talks.")
          .actors("USA", "IRN").topics("diplomacy").score(12).region("europe").source("wire-b").language("en")
          .build(),
      article("drill").title("Joint exercise near the border").text("Troops held a joint exercise; no missile.")
          .actors("KOR", "USA").dyads("USA>KOR").topics("exercises").score(45).region("east-asia")
          .source("wire-b").language("fr").build());

  /** Filter parameters and the articles they keep: the same table {@code DeskQueriesIT} runs against Elasticsearch. */
  static List<Arguments> cases() {
    return List.of(
        Arguments.of(Map.of(), List.of("launch", "talks", "drill")),
        Arguments.of(Map.of("actor", "PRK"), List.of("launch")),
        Arguments.of(Map.of("actor", "PRK,IRN"), List.of("launch", "talks")),
        Arguments.of(Map.of("dyad", "USA>KOR"), List.of("drill")),
        Arguments.of(Map.of("topic", "diplomacy"), List.of("talks")),
        Arguments.of(Map.of("level", "ELEVATED"), List.of("launch", "drill")),
        Arguments.of(Map.of("level", "high"), List.of("launch")),
        Arguments.of(Map.of("region", "east-asia"), List.of("launch", "drill")),
        Arguments.of(Map.of("source", "wire-b"), List.of("talks", "drill")),
        Arguments.of(Map.of("lang", "fr"), List.of("drill")),
        Arguments.of(Map.of("q", "missile"), List.of("launch", "drill")),
        Arguments.of(Map.of("q", "missile -exercise"), List.of("launch")),
        Arguments.of(Map.of("q", "geneva OR launch"), List.of("launch", "talks")),
        Arguments.of(Map.of("q", "\"joint exercise\""), List.of("drill")),
        Arguments.of(Map.of("q", "\"exercise joint\""), List.of()),
        Arguments.of(Map.of("q", "seoul AND third"), List.of("launch")),
        Arguments.of(Map.of("q", "missile", "region", "east-asia", "lang", "en"), List.of("launch")),
        Arguments.of(Map.of("actor", "KOR", "level", "HIGH", "topic", "nuclear_missiles"), List.of("launch")));
  }

  static Map<String, List<String>> params(Map<String, String> simple) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    simple.forEach((k, v) -> p.put(k, List.of(v)));
    return p;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void keepsTheArticlesTheFilterNames(Map<String, String> simple, List<String> expected) {
    DeskFilter f = DeskFilter.fromParams(params(simple));

    assertThat(ARTICLES.stream().filter(f::matches).map(EnrichedArticle::id).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void roundTripsThroughUrlParameters() {
    DeskFilter f = DeskFilter.fromParams(params(Map.of("actor", "PRK,KOR", "level", "high", "q", "missile OR test")));

    assertThat(DeskFilter.fromParams(f.toParams())).isEqualTo(f);
    assertThat(f.toParams().get("actor")).containsExactly("PRK", "KOR");
  }

  @Test
  void refusesBadValuesInPlainWords() {
    assertThatThrownBy(() -> DeskFilter.fromParams(params(Map.of("level", "<script>"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("level must be one of [LOW, GUARDED, ELEVATED, HIGH, SEVERE]");
    assertThatThrownBy(() -> DeskFilter.fromParams(params(Map.of("dyad", "PRK"))))
        .hasMessageContaining("SOURCE>TARGET");
    assertThatThrownBy(() -> DeskFilter.fromParams(params(Map.of("q", "x".repeat(501)))))
        .hasMessage("the search text is longer than 500 characters");
  }
}
