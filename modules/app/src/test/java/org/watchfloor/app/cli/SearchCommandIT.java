package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Json;

/** {@code watchfloor search} against the shared Elasticsearch node, with articles indexed as the indexer does. */
class SearchCommandIT {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static String url;
  /** Named by every article of this class. */
  private static String actor;
  /** Named only by the newest article. */
  private static String partner;
  private static String oldId;
  private static String talksId;
  private static String condemnedId;
  private static String paradeId;

  @BeforeAll
  static void indexArticles() throws Exception {
    url = IndexedArticles.elasticsearchUrl();
    actor = IndexedArticles.uniqueActor("S");
    partner = IndexedArticles.uniqueActor("P");
    oldId = actor + "-old";
    talksId = actor + "-talks";
    condemnedId = actor + "-condemned";
    paradeId = actor + "-parade";
    IndexedArticles.index(url, List.of(
        IndexedArticles.article(oldId, NOW.minus(50, ChronoUnit.HOURS), NOW.minus(50, ChronoUnit.HOURS),
            "Missile launch over the sea", 30, List.of(actor, "JPN"), List.of("missile")),
        IndexedArticles.article(talksId, NOW.minus(3, ChronoUnit.HOURS), NOW.minus(3, ChronoUnit.HOURS),
            "Talks resume in Geneva", 10, List.of(actor), List.of("diplomacy")),
        IndexedArticles.article(condemnedId, NOW.minus(2, ChronoUnit.HOURS), NOW.minus(2, ChronoUnit.HOURS),
            "Missile test condemned at the UN", 85, List.of(actor, "USA"), List.of("missile", "sanctions")),
        IndexedArticles.article(paradeId, NOW.minus(1, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS),
            "Nuclear parade in the capital", 65, List.of(actor, partner), List.of("nuclear"))));
  }

  private static CliRun search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--elasticsearch", url));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** The ids of a {@code --json} run, in printed order, after checking that it succeeded quietly. */
  private static List<String> ids(CliRun run) throws Exception {
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    JsonNode hits = Json.MAPPER.readTree(run.out());
    assertThat(hits.isArray()).as("JSON array in %s", run.out()).isTrue();
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  @Test
  void jsonListsEveryArticleOfTheActorNewestFirstWithItsFields() throws Exception {
    CliRun run = search("--actor", actor, "--json");

    assertThat(ids(run)).containsExactly(paradeId, condemnedId, talksId, oldId);
    JsonNode newest = Json.MAPPER.readTree(run.out()).get(0);
    assertThat(Instant.parse(newest.path("timestamp").asText())).isEqualTo(NOW.minus(1, ChronoUnit.HOURS));
    assertThat(newest.path("level").asText()).isEqualTo("HIGH");
    assertThat(newest.path("title").asText()).isEqualTo("Nuclear parade in the capital");
    assertThat(newest.path("actors")).extracting(JsonNode::asText).containsExactly(actor, partner);
    assertThat(newest.path("url").asText()).isEqualTo("https://www.example.org/news/" + paradeId);
  }

  @Test
  void freeTextOrFindsArticlesWithEitherWord() throws Exception {
    assertThat(ids(search("missile OR nuclear", "--actor", actor, "--json")))
        .containsExactly(paradeId, condemnedId, oldId);
    assertThat(ids(search("missile -condemned", "--actor", actor, "--json"))).containsExactly(oldId);
    assertThat(ids(search("\"test condemned\" OR Geneva", "--actor", actor, "--json")))
        .containsExactly(condemnedId, talksId);
  }

  @Test
  void actorFilterKeepsOnlyArticlesNamingOneOfTheActors() throws Exception {
    assertThat(ids(search("--actor", partner, "--json"))).containsExactly(paradeId);
    assertThat(ids(search("--actor", partner, "--actor", "JPN", "--json"))).contains(paradeId, oldId)
        .doesNotContain(condemnedId, talksId);
  }

  @Test
  void topicFilterKeepsOnlyArticlesWithTheTopic() throws Exception {
    assertThat(ids(search("--actor", actor, "--topic", "missile", "--json"))).containsExactly(condemnedId, oldId);
    assertThat(ids(search("--actor", actor, "--topic", "diplomacy", "--topic", "nuclear", "--json")))
        .containsExactly(paradeId, talksId);
  }

  @Test
  void levelFilterKeepsArticlesAtTheLevelOrAbove() throws Exception {
    assertThat(ids(search("--actor", actor, "--level", "HIGH", "--json"))).containsExactly(paradeId, condemnedId);
    assertThat(ids(search("--actor", actor, "--level", "SEVERE", "--json"))).containsExactly(condemnedId);
    assertThat(ids(search("--actor", actor, "--level", "GUARDED", "--json")))
        .containsExactly(paradeId, condemnedId, oldId);
  }

  @Test
  void sinceDropsOlderArticlesAndCombinesWithTheOtherFilters() throws Exception {
    assertThat(ids(search("--actor", actor, "--since", "24h", "--json")))
        .containsExactly(paradeId, condemnedId, talksId);
    assertThat(ids(search("--actor", actor, "--since", "150m", "--json"))).containsExactly(paradeId, condemnedId);
    assertThat(ids(search("--actor", actor, "--topic", "missile", "--since", "24h", "--json")))
        .containsExactly(condemnedId);
  }

  @Test
  void freeTextMatchesTitleAndTextAndLimitKeepsTheNewest() throws Exception {
    assertThat(ids(search("missile", "--actor", actor, "--json"))).containsExactly(condemnedId, oldId);
    assertThat(ids(search("Geneva", "--actor", actor, "--json"))).containsExactly(talksId);
    assertThat(ids(search("--actor", actor, "--limit", "2", "--json"))).containsExactly(paradeId, condemnedId);
  }

  @Test
  void tablePrintsOneRowPerArticleNewestFirstWithAFooter() {
    CliRun run = search("--actor", actor, "--since", "24h", "--width", "120");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("TIME (UTC)").contains("LEVEL", "ACTORS", "TITLE", "SOURCE");
    assertThat(lines.get(1)).contains("HIGH", "Nuclear parade in the capital", "example-wire");
    assertThat(lines.get(2)).contains("SEVERE", actor + ",USA", "Missile test condemned at the UN");
    assertThat(lines.get(3)).contains("LOW", "Talks resume in Geneva");
    assertThat(lines.get(4)).isEqualTo("3 articles, newest first");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
  }

  @Test
  void unreachableElasticsearchIsSaidInPlainWordsUntilTheWaitTimeoutThenExitCode3() throws Exception {
    String dead = IndexedArticles.deadUrl();

    CliRun run = CliRun.withErrorHandling("search", "--elasticsearch", dead, "--actor", actor, "--wait-timeout", "2s");

    assertThat(run.exit()).isEqualTo(org.watchfloor.app.Watchfloor.SERVICE_UNAVAILABLE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cannot reach Elasticsearch at " + dead + ": connection refused",
        "gave up after 2s (--wait-timeout)").doesNotContain("\tat ", "Exception");
  }
}
