package org.watchfloor.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.indexer.Articles;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexSetup;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.Settings;

/** Articles indexed as the indexer writes them come back in fetch order, as the live stream saw them. */
class ArticleHistoryIT {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static ElasticsearchClient client;
  private static String actor;

  @BeforeAll
  static void indexSamples() throws Exception {
    client = EsClients.create(Settings.of(Map.of(), Path.of(".")), SharedStack.get().elasticsearch().url());
    new IndexSetup(client, 0).ensure();
    // an actor id of its own, so that other tests' articles can be told apart
    actor = "H" + Long.toString(System.nanoTime(), 36).toUpperCase();
    index("old", Duration.ofDays(10), actor, 90);
    index("p1", Duration.ofHours(3), actor, 85);
    index("k1", Duration.ofHours(2), "KOR", 90);
    index("p2", Duration.ofHours(1), actor, 30);
    index("p3", Duration.ofMinutes(30), actor, 70);
  }

  @AfterAll
  static void close() {
    EsClients.close(client);
  }

  /** An article fetched {@code ago} before now (Articles publishes it a minute before it is fetched). */
  private static void index(String name, Duration ago, String about, double tension) throws Exception {
    EnrichedArticle a = Articles.article(actor + "-" + name, NOW.minus(ago).minusSeconds(60), "Article " + name,
        tension, List.of(about, "USA"), List.of("military"));
    Map<String, Object> doc = ArticleDocuments.toDocument(a, NOW);
    client.index(r -> r.index(ArticleDocuments.index(a)).id(a.id()).document(doc).refresh(Refresh.True));
  }

  @Test
  void readsArticlesBackInFetchOrderSinceTheGivenTime() throws Exception {
    List<EnrichedArticle> read = new ArrayList<>();
    long n = new ArticleHistory(client).forEach(NOW.minus(Duration.ofDays(7)), read::add);

    List<EnrichedArticle> ours = read.stream().filter(a -> a.id().startsWith(actor + "-")).toList();
    assertThat(n).isEqualTo(read.size());
    assertThat(ours).extracting(EnrichedArticle::id)
        .containsExactly(actor + "-p1", actor + "-k1", actor + "-p2", actor + "-p3");
    assertThat(read).extracting(a -> a.article().fetchedAt()).isSorted();
    EnrichedArticle p1 = ours.get(0);
    assertThat(p1.actors()).extracting(m -> m.id()).containsExactly(actor, "USA");
    assertThat(p1.tension().level()).isEqualTo(TensionLevel.SEVERE);
    assertThat(p1.dyads()).singleElement().satisfies(d -> assertThat(d.key()).isEqualTo(actor + ">USA"));
    assertThat(p1.topics()).singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(0.8));
    assertThat(p1.article().fetchedAt()).isEqualTo(NOW.minus(Duration.ofHours(3)));
    assertThat(p1.article().url()).isEqualTo("https://www.example.org/news/" + actor + "-p1");
  }
}
