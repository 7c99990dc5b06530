package org.watchfloor.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.indexer.Articles;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexSetup;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.Settings;

class SearchIT {
  private static final Instant NOW = Instant.now();
  private static ElasticsearchClient client;
  private static String actor;

  @BeforeAll
  static void indexSamples() throws Exception {
    DevStack stack = SharedStack.get();
    client = EsClients.create(Settings.of(Map.of(), Path.of(".")), stack.elasticsearch().url());
    new IndexSetup(client, 0).ensure();
    // an actor id of its own, so that other tests' articles do not show up
    actor = "X" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Instant today = NOW.truncatedTo(ChronoUnit.DAYS);
    // today's two articles stay on today's date even just after midnight
    long sinceMidnight = Duration.between(today, NOW).toSeconds();
    index(Articles.article(actor + "-1", today.minus(2, ChronoUnit.DAYS).plusSeconds(3600),
        "Missile launch over the sea", 30, List.of(actor, "JPN"), List.of("missile")));
    index(Articles.article(actor + "-2", today.minus(2, ChronoUnit.DAYS).plusSeconds(7200),
        "Talks resume in Geneva", 10, List.of(actor), List.of("diplomacy")));
    index(Articles.article(actor + "-3", NOW.minusSeconds(Math.min(1800, sinceMidnight / 2)),
        "Missile test condemned at the UN", 85, List.of(actor, "USA"), List.of("missile", "sanctions")));
    index(Articles.article(actor + "-4", NOW.minusSeconds(Math.min(600, sinceMidnight / 4)),
        "Nuclear missile parade", 65, List.of(actor), List.of("nuclear", "missile")));
  }

  @AfterAll
  static void close() {
    EsClients.close(client);
  }

  private static void index(EnrichedArticle a) throws Exception {
    Map<String, Object> doc = ArticleDocuments.toDocument(a, NOW);
    client.index(r -> r.index(ArticleDocuments.index(a)).id(a.id()).document(doc).refresh(Refresh.True));
  }

  @Test
  void searchFindsTextMatchesNewestFirst() throws Exception {
    List<ArticleHit> hits = new ArticleSearch(client).search(
        new SearchQuery("missile", List.of(actor), null, null, null, 10));

    assertThat(hits).extracting(ArticleHit::id).containsExactly(actor + "-4", actor + "-3", actor + "-1");
    String table = ArticleTable.format(hits, 120);
    assertThat(table.lines().toList()).hasSize(5);
    assertThat(table).contains("Nuclear missile parade", "SEVERE", "HIGH", actor + ",USA", "3 articles, newest first");
  }

  @Test
  void stopWordsDoNotMatchButContentWordsDo() throws Exception {
    ArticleSearch search = new ArticleSearch(client);

    assertThat(search.search(new SearchQuery("the", List.of(actor), null, null, null, 10))).isEmpty();
    assertThat(search.search(new SearchQuery("Geneva", List.of(actor), null, null, null, 10)))
        .extracting(ArticleHit::id).containsExactly(actor + "-2");
  }

  @Test
  void freeTextTakesOrAndNotAndPhrasesAsPeopleTypeThem() throws Exception {
    ArticleSearch search = new ArticleSearch(client);

    assertThat(search.search(new SearchQuery("parade OR Geneva", List.of(actor), null, null, null, 10)))
        .extracting(ArticleHit::id).containsExactly(actor + "-4", actor + "-2");
    assertThat(search.search(new SearchQuery("missile -nuclear", List.of(actor), null, null, null, 10)))
        .extracting(ArticleHit::id).containsExactly(actor + "-3", actor + "-1");
    assertThat(search.search(new SearchQuery("missile AND condemned", List.of(actor), null, null, null, 10)))
        .extracting(ArticleHit::id).containsExactly(actor + "-3");
    assertThat(search.search(new SearchQuery("\"missile parade\"", List.of(actor), null, null, null, 10)))
        .extracting(ArticleHit::id).containsExactly(actor + "-4");
    assertThat(search.search(new SearchQuery("\"parade missile\"", List.of(actor), null, null, null, 10)))
        .isEmpty();
  }

  @Test
  void filtersByTopicLevelAndTimeCombine() throws Exception {
    ArticleSearch search = new ArticleSearch(client);

    assertThat(search.search(new SearchQuery(null, List.of(actor), List.of("missile"), TensionLevel.HIGH,
        Duration.ofHours(24), 10))).extracting(ArticleHit::id).containsExactly(actor + "-4", actor + "-3");
    assertThat(search.search(new SearchQuery(null, List.of(actor), null, TensionLevel.SEVERE, null, 10)))
        .extracting(ArticleHit::id).containsExactly(actor + "-3");
    assertThat(search.search(new SearchQuery(null, List.of(actor), List.of("diplomacy"), null,
        Duration.ofHours(24), 10))).isEmpty();
  }

  @Test
  void dailyTrendCountsVolumeAndTensionPerDayIncludingEmptyDays() throws Exception {
    List<TrendPoint> points = new Trends(client).trend(actor, Duration.ofDays(3), TrendInterval.DAY, NOW);

    assertThat(points).hasSize(4);
    assertThat(points).extracting(TrendPoint::count).containsExactly(0L, 2L, 0L, 2L);
    TrendPoint twoDaysAgo = points.get(1);
    assertThat(twoDaysAgo.meanTension()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(twoDaysAgo.maxTension()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(points.get(3).maxTension()).isCloseTo(85.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(points.get(2).meanTension()).isNull();

    String out = TrendTable.format(actor, points, TrendInterval.DAY);
    assertThat(out).startsWith(actor + ": 4 articles in 4 day buckets, peak tension 85.0");
    assertThat(out.lines().filter(l -> l.startsWith("volume")).findFirst().orElseThrow()).endsWith(" █ █");
  }

  @Test
  void hourlyTrendPutsTodaysArticlesInTheirHours() throws Exception {
    List<TrendPoint> points = new Trends(client).trend(actor, Duration.ofHours(6), TrendInterval.HOUR, NOW);

    assertThat(points.stream().mapToLong(TrendPoint::count).sum()).isEqualTo(2);
    assertThat(points.get(points.size() - 1).start()).isEqualTo(NOW.truncatedTo(ChronoUnit.HOURS));
  }
}
