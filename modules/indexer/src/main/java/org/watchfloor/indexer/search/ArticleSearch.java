package org.watchfloor.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.indexer.IndexNames;

/** Runs a {@link SearchQuery} against the articles alias, newest first. */
public final class ArticleSearch {
  static final List<String> SOURCE_FIELDS = List.of(
      "@timestamp", "article_id", "title", "source", "url.full", "actor_ids", "topics", "tension.score",
      "tension.level");

  private final ElasticsearchClient client;

  public ArticleSearch(ElasticsearchClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public List<ArticleHit> search(SearchQuery query) throws IOException {
    @SuppressWarnings("rawtypes")
    SearchResponse<Map> response = client.search(request(query, Instant.now()), Map.class);
    List<ArticleHit> hits = new ArrayList<>();
    for (@SuppressWarnings("rawtypes") Hit<Map> h : response.hits().hits()) {
      hits.add(toHit(h.id(), h.source()));
    }
    return hits;
  }

  /** The search request for {@code query}, with {@code now} anchoring {@code since}. */
  public static SearchRequest request(SearchQuery query, Instant now) {
    return SearchRequest.of(s -> s
        .index(IndexNames.ARTICLES)
        .ignoreUnavailable(true)
        .allowNoIndices(true)
        .size(query.size())
        .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
        .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc)))
        .query(query(query, now)));
  }

  static Query query(SearchQuery q, Instant now) {
    return Query.of(qb -> qb.bool(b -> {
      if (q.text() != null && !q.text().isBlank()) {
        b.must(TextQueries.toQuery(TextQuery.parse(q.text()), TextQueries.ARTICLE_FIELDS));
      }
      if (!q.actors().isEmpty()) {
        b.filter(f -> f.terms(t -> t.field("actor_ids").terms(v -> v.value(values(q.actors())))));
      }
      if (!q.topics().isEmpty()) {
        b.filter(f -> f.terms(t -> t.field("topics").terms(v -> v.value(values(q.topics())))));
      }
      if (q.minLevel() != null) {
        b.filter(f -> f.terms(t -> t.field("tension.level").terms(v -> v.value(values(q.levels())))));
      }
      if (q.since() != null) {
        String from = now.minus(q.since()).toString();
        b.filter(f -> f.range(r -> r.date(d -> d.field("@timestamp").gte(from))));
      }
      return b;
    }));
  }

  private static List<FieldValue> values(List<String> strings) {
    return strings.stream().map(FieldValue::of).toList();
  }

  @SuppressWarnings("unchecked")
  static ArticleHit toHit(String id, Map<String, Object> source) {
    Map<String, Object> src = source == null ? Map.of() : source;
    Map<String, Object> tension = (Map<String, Object>) src.getOrDefault("tension", Map.of());
    Map<String, Object> url = (Map<String, Object>) src.getOrDefault("url", Map.of());
    Object ts = src.get("@timestamp");
    Object score = tension.get("score");
    return new ArticleHit(
        id,
        ts == null ? null : Instant.parse(ts.toString()),
        (String) tension.get("level"),
        score instanceof Number n ? n.doubleValue() : null,
        strings(src.get("actor_ids")),
        strings(src.get("topics")),
        (String) src.get("title"),
        (String) src.get("source"),
        (String) url.get("full"));
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }
}
