package org.watchfloor.desk.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.IndexSetup;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.config.Settings;

/** The filter's Elasticsearch translation selects what its Java predicate selects, on the same table of cases. */
class DeskQueriesIT {
  private static ElasticsearchClient client;

  @BeforeAll
  static void index() throws Exception {
    client = EsClients.create(Settings.of(Map.of(), Path.of(".")), SharedStack.get().elasticsearch().url());
    new IndexSetup(client, 0).ensure();
    for (EnrichedArticle a : DeskFilterTest.ARTICLES) {
      client.index(r -> r.index(ArticleDocuments.index(a)).id(a.id())
          .document(ArticleDocuments.toDocument(a, Instant.now())).refresh(Refresh.True));
    }
  }

  @AfterAll
  static void close() {
    EsClients.close(client);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("org.watchfloor.desk.query.DeskFilterTest#cases")
  void elasticsearchKeepsWhatTheLiveFilterKeeps(Map<String, String> simple, List<String> expected) throws Exception {
    DeskFilter f = DeskFilter.fromParams(DeskFilterTest.params(simple));
    List<FieldValue> ours = DeskFilterTest.ARTICLES.stream().map(a -> FieldValue.of(a.id())).toList();

    var response = client.search(s -> s.index(IndexNames.ARTICLES).size(10)
        .query(q -> q.bool(b -> b.must(DeskQueries.query(f))
            .filter(x -> x.terms(t -> t.field("article_id").terms(v -> v.value(ours)))))), JsonNode.class);
    List<String> found = new ArrayList<>();
    response.hits().hits().forEach(h -> found.add(h.source().path("article_id").asText()));

    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(DeskFilterTest.ARTICLES.stream().filter(f::matches).map(EnrichedArticle::id).toList())
        .containsExactlyInAnyOrderElementsOf(found);
  }

  @Test
  @SuppressWarnings("unchecked")
  void trendOfADyadCountsItsArticlesWithMeanAndMaxTension() throws Exception {
    // USA>KOR is named by the drill article only, in this module's tests
    Map<String, Object> t = new DeskQueries(client).trend("dyad_keys", "USA>KOR", true, Duration.ofHours(3),
        Instant.now());

    List<Long> counts = (List<Long>) t.get("count");
    assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    assertThat(((List<?>) t.get("t"))).hasSize(counts.size()).hasSizeBetween(3, 4);
    assertThat((List<Object>) t.get("max")).contains(45.0);
    assertThat((List<Object>) t.get("mean")).contains(45.0);
  }

  @Test
  void articleViewCarriesTheEvidenceAsMarkedSegments() throws Exception {
    Map<String, Object> v = new DeskQueries(client).article("launch");

    assertThat(v.get("title")).isEqualTo("North Korea fires missile over the sea");
    assertThat(v.get("segments")).isEqualTo(List.of(Map.of("text", "Seoul said the launch was the third.",
        "evidence", true)));
    assertThat(new DeskQueries(client).article("no-such-article")).isNull();
  }
}
