package org.watchfloor.desk.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.indexer.search.TextQueries;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.TensionLevel;

/** The desk's reads from Elasticsearch: filtered history, one article with its story, alerts, rules and trends. */
public final class DeskQueries {
  private final ElasticsearchClient client;

  public DeskQueries(ElasticsearchClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The Elasticsearch query of a filter: the same selection {@link DeskFilter#matches} makes on the live stream. */
  public static Query query(DeskFilter f) {
    return Query.of(q -> q.bool(b -> {
      if (f.text() != null) {
        b.must(TextQueries.toQuery(f.textQuery(), TextQueries.ARTICLE_FIELDS));
      }
      terms(b, "actor_ids", f.actors());
      terms(b, "dyad_keys", f.dyads());
      terms(b, "topics", f.topics());
      terms(b, "region", f.regions());
      terms(b, "source", f.sources());
      terms(b, "language", f.languages());
      if (f.minLevel() != null) {
        List<String> levels = java.util.Arrays.stream(TensionLevel.values()).filter(l -> l.atLeast(f.minLevel()))
            .map(Enum::name).toList();
        terms(b, "tension.level", levels);
      }
      return b;
    }));
  }

  private static void terms(co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder b, String field,
      List<String> values) {
    if (!values.isEmpty()) {
      List<FieldValue> v = values.stream().map(FieldValue::of).toList();
      b.filter(x -> x.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }
  }

  /** The newest articles passing {@code filter}, as rows, newest first. */
  public List<Map<String, Object>> articles(DeskFilter filter, int size) throws IOException {
    SearchRequest request = SearchRequest.of(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(size).query(query(filter))
        .sort(o -> o.field(x -> x.field("@timestamp").order(SortOrder.Desc).unmappedType(FieldType.Date))));
    List<EnrichedArticle> found = new ArrayList<>();
    for (Hit<JsonNode> h : call(() -> client.search(request, JsonNode.class)).hits().hits()) {
      found.add(ArticleDocuments.fromDocument(h.source()));
    }
    Map<String, Long> sizes = storySizes(found.stream().map(EnrichedArticle::storyId).filter(Objects::nonNull)
        .distinct().toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EnrichedArticle a : found) {
      rows.add(ArticleRows.row(a, a.storyId() == null ? 1 : sizes.getOrDefault(a.storyId(), 1L)));
    }
    return rows;
  }

  /** How many indexed articles each story has. */
  public Map<String, Long> storySizes(List<String> storyIds) throws IOException {
    Map<String, Long> out = new HashMap<>();
    if (storyIds.isEmpty()) {
      return out;
    }
    List<FieldValue> ids = storyIds.stream().map(FieldValue::of).toList();
    SearchResponse<Void> r = call(() -> client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(0)
        .query(q -> q.terms(t -> t.field("story_id").terms(v -> v.value(ids))))
        .aggregations("stories", a -> a.terms(t -> t.field("story_id").size(ids.size()))), Void.class));
    Aggregate stories = r.aggregations().get("stories");
    if (stories != null) {
      for (StringTermsBucket b : stories.sterms().buckets().array()) {
        out.put(b.key().stringValue(), b.docCount());
      }
    }
    return out;
  }

  /** One article for the article view, with its story's other articles; null when it is not indexed. */
  public Map<String, Object> article(String id) throws IOException {
    SearchResponse<JsonNode> r = call(() -> client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(1).query(q -> q.term(t -> t.field("article_id").value(id))), JsonNode.class));
    if (r.hits().hits().isEmpty()) {
      return null;
    }
    EnrichedArticle a = ArticleDocuments.fromDocument(r.hits().hits().get(0).source());
    List<Map<String, Object>> story = new ArrayList<>();
    if (a.storyId() != null) {
      SearchResponse<JsonNode> s = call(() -> client.search(x -> x.index(IndexNames.ARTICLES)
          .ignoreUnavailable(true).allowNoIndices(true).size(50)
          .query(q -> q.term(t -> t.field("story_id").value(a.storyId())))
          .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Asc))), JsonNode.class));
      for (Hit<JsonNode> h : s.hits().hits()) {
        EnrichedArticle other = ArticleDocuments.fromDocument(h.source());
        if (!other.id().equals(a.id())) {
          Map<String, Object> row = ArticleRows.row(other, s.hits().hits().size());
          row.put("near_duplicate", id.equals(other.duplicateOf()) || other.id().equals(a.duplicateOf()));
          story.add(row);
        }
      }
    }
    Map<String, Object> view = ArticleRows.view(a, story.size() + 1L);
    view.put("story", story);
    return view;
  }

  /** The newest alerts from the alerts index. */
  public List<Map<String, Object>> alerts(int size) throws IOException {
    SearchResponse<JsonNode> r = call(() -> client.search(s -> s.index(IndexNames.ALERTS).ignoreUnavailable(true)
        .allowNoIndices(true).size(size)
        .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc).unmappedType(FieldType.Date))),
        JsonNode.class));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Hit<JsonNode> h : r.hits().hits()) {
      JsonNode d = h.source();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.path("alert_id").asText(h.id()));
      m.put("rule_id", text(d.path("rule"), "id"));
      m.put("rule_name", text(d.path("rule"), "name"));
      m.put("key", text(d, "key"));
      m.put("level", text(d, "level"));
      m.put("title", text(d, "title"));
      m.put("message", text(d, "message"));
      List<String> ids = new ArrayList<>();
      d.path("article_ids").forEach(x -> ids.add(x.asText()));
      m.put("article_ids", ids);
      m.put("count", d.path("count").asLong());
      m.put("time", text(d, "@timestamp"));
      out.add(m);
    }
    return out;
  }

  /** Each rule that fired: its name, last firing, total count and count in the last 24 hours, latest first. */
  public List<Map<String, Object>> rules(Instant now) throws IOException {
    String dayAgo = now.minus(Duration.ofHours(24)).toString();
    SearchResponse<Void> r = call(() -> client.search(s -> s.index(IndexNames.ALERTS).ignoreUnavailable(true)
        .allowNoIndices(true).size(0)
        .aggregations("rules", a -> a.terms(t -> t.field("rule.id").size(200))
            .aggregations("last", x -> x.max(m -> m.field("@timestamp")))
            .aggregations("name", x -> x.terms(t -> t.field("rule.name").size(1)))
            .aggregations("day", x -> x.filter(f -> f.range(g -> g.date(d -> d.field("@timestamp").gte(dayAgo)))))),
        Void.class));
    List<Map<String, Object>> out = new ArrayList<>();
    Aggregate rules = r.aggregations().get("rules");
    if (rules == null) {
      return out;
    }
    for (StringTermsBucket b : rules.sterms().buckets().array()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", b.key().stringValue());
      var names = b.aggregations().get("name").sterms().buckets().array();
      m.put("name", names.isEmpty() ? null : names.get(0).key().stringValue());
      m.put("count", b.docCount());
      m.put("last_day", b.aggregations().get("day").filter().docCount());
      double last = b.aggregations().get("last").max().value();
      m.put("last_fired", Double.isFinite(last) ? Instant.ofEpochMilli((long) last).toString() : null);
      out.add(m);
    }
    out.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("last_fired"))).reversed());
    return out;
  }

  /**
   * Volume and mean and max tension over time for the articles naming an actor ({@code actor_ids}) or a dyad
   * ({@code dyad_keys}), hourly or daily, empty buckets included: {@code {t: [...], count: [...], mean, max}}.
   */
  public Map<String, Object> trend(String field, String value, boolean hourly, Duration since, Instant now)
      throws IOException {
    ChronoUnit unit = hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
    Instant from = now.minus(since).truncatedTo(unit);
    Instant to = now.truncatedTo(unit);
    SearchResponse<Void> r = call(() -> client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(0)
        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(field).value(value)))
            .filter(f -> f.range(g -> g.date(d -> d.field("@timestamp").gte(from.toString()))))))
        .aggregations("h", a -> a.dateHistogram(h -> h.field("@timestamp")
                .calendarInterval(hourly ? CalendarInterval.Hour : CalendarInterval.Day).minDocCount(0).timeZone("UTC")
                .extendedBounds(e -> e.min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                    m -> m.value((double) from.toEpochMilli())))
                    .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                        m -> m.value((double) to.toEpochMilli())))))
            .aggregations("mean", m -> m.avg(v -> v.field("tension.score")))
            .aggregations("max", m -> m.max(v -> v.field("tension.score")))), Void.class));
    List<Long> t = new ArrayList<>();
    List<Long> count = new ArrayList<>();
    List<Double> mean = new ArrayList<>();
    List<Double> max = new ArrayList<>();
    Aggregate h = r.aggregations().get("h");
    if (h != null) {
      for (DateHistogramBucket b : h.dateHistogram().buckets().array()) {
        t.add(b.key() / 1000);
        count.add(b.docCount());
        mean.add(b.docCount() == 0 ? null : round(b.aggregations().get("mean").avg().value()));
        max.add(b.docCount() == 0 ? null : round(b.aggregations().get("max").max().value()));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", field);
    out.put("value", value);
    out.put("t", t);
    out.put("count", count);
    out.put("mean", mean);
    out.put("max", max);
    return out;
  }

  /** Hourly article volume of the busiest topics since {@code since}: {@code {t: [...], series: {topic: [...]}}}. */
  public Map<String, Object> topicVolume(Duration since, Instant now) throws IOException {
    Instant from = now.minus(since).truncatedTo(ChronoUnit.HOURS);
    Instant to = now.truncatedTo(ChronoUnit.HOURS);
    SearchResponse<Void> r = call(() -> client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(0)
        .query(q -> q.range(g -> g.date(d -> d.field("@timestamp").gte(from.toString()))))
        .aggregations("topics", a -> a.terms(t -> t.field("topics").size(6))
            .aggregations("h", x -> x.dateHistogram(h -> h.field("@timestamp").calendarInterval(CalendarInterval.Hour)
                .minDocCount(0).timeZone("UTC")
                .extendedBounds(e -> e.min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                    m -> m.value((double) from.toEpochMilli())))
                    .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                        m -> m.value((double) to.toEpochMilli()))))))), Void.class));
    List<Long> t = new ArrayList<>();
    for (Instant i = from; !i.isAfter(to); i = i.plus(1, ChronoUnit.HOURS)) {
      t.add(i.getEpochSecond());
    }
    Map<String, Object> series = new LinkedHashMap<>();
    Aggregate topics = r.aggregations().get("topics");
    if (topics != null) {
      for (StringTermsBucket b : topics.sterms().buckets().array()) {
        Map<Long, Long> byHour = new HashMap<>();
        for (DateHistogramBucket hb : b.aggregations().get("h").dateHistogram().buckets().array()) {
          byHour.put(hb.key() / 1000, hb.docCount());
        }
        series.put(b.key().stringValue(), t.stream().map(x -> byHour.getOrDefault(x, 0L)).toList());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("t", t);
    out.put("series", series);
    return out;
  }

  /** Article count and mean and max tension per region since {@code since}, busiest first. */
  public List<Map<String, Object>> regions(Duration since, Instant now) throws IOException {
    String from = now.minus(since).toString();
    SearchResponse<Void> r = call(() -> client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(0)
        .query(q -> q.range(g -> g.date(d -> d.field("@timestamp").gte(from))))
        .aggregations("regions", a -> a.terms(t -> t.field("region").size(20))
            .aggregations("mean", m -> m.avg(v -> v.field("tension.score")))
            .aggregations("max", m -> m.max(v -> v.field("tension.score")))), Void.class));
    List<Map<String, Object>> out = new ArrayList<>();
    Aggregate regions = r.aggregations().get("regions");
    if (regions != null) {
      for (StringTermsBucket b : regions.sterms().buckets().array()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", b.key().stringValue());
        m.put("count", b.docCount());
        m.put("mean", round(b.aggregations().get("mean").avg().value()));
        m.put("max", round(b.aggregations().get("max").max().value()));
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The stories whose article count grew most in the last hour over the hour before (by fetch time), as EMM
   * NewsBrief surfaces breaking news: {@code {story_id, title, last_hour, hour_before, growth, size}}.
   */
  public List<Map<String, Object>> risingStories(Instant now, int limit) throws IOException {
    String twoHours = now.minus(Duration.ofHours(2)).toString();
    String oneHour = now.minus(Duration.ofHours(1)).toString();
    SearchResponse<Void> r = call(() -> client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
        .allowNoIndices(true).size(0)
        .query(q -> q.range(g -> g.date(d -> d.field("event.created").gte(twoHours))))
        .aggregations("stories", a -> a.terms(t -> t.field("story_id").size(500))
            .aggregations("last", x -> x.filter(f -> f.range(g -> g.date(d -> d.field("event.created")
                .gte(oneHour)))))), Void.class));
    List<Map<String, Object>> rising = new ArrayList<>();
    Aggregate stories = r.aggregations().get("stories");
    if (stories != null) {
      for (StringTermsBucket b : stories.sterms().buckets().array()) {
        long last = b.aggregations().get("last").filter().docCount();
        long before = b.docCount() - last;
        if (last == 0) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("story_id", b.key().stringValue());
        m.put("last_hour", last);
        m.put("hour_before", before);
        m.put("growth", last - before);
        rising.add(m);
      }
    }
    rising.sort(Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("growth"))
        .thenComparingLong(m -> (Long) m.get("last_hour")).reversed());
    List<Map<String, Object>> top = new ArrayList<>(rising.subList(0, Math.min(limit, rising.size())));
    if (!top.isEmpty()) {
      List<FieldValue> ids = top.stream().map(m -> FieldValue.of((String) m.get("story_id"))).toList();
      SearchResponse<JsonNode> firsts = call(() -> client.search(s -> s.index(IndexNames.ARTICLES)
          .ignoreUnavailable(true).allowNoIndices(true).size(ids.size())
          .query(q -> q.terms(t -> t.field("article_id").terms(v -> v.value(ids)))), JsonNode.class));
      Map<String, JsonNode> byId = new HashMap<>();
      firsts.hits().hits().forEach(h -> byId.put(h.source().path("article_id").asText(), h.source()));
      Map<String, Long> sizes = storySizes(top.stream().map(m -> (String) m.get("story_id")).toList());
      for (Map<String, Object> m : top) {
        JsonNode first = byId.get(m.get("story_id"));
        m.put("title", first == null ? null : text(first, "title"));
        m.put("level", first == null ? null : text(first.path("tension"), "level"));
        m.put("size", sizes.getOrDefault((String) m.get("story_id"), 0L));
      }
    }
    return top;
  }

  private static Double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : null;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** One request; an error answer is an {@link IOException} too, as an unreachable node is. */
  private static <T> T call(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }
}
