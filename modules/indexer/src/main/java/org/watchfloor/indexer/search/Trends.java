package org.watchfloor.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.watchfloor.indexer.IndexNames;

/** Hourly or daily article volume and mean/max tension for one actor, from a date histogram over the articles. */
public final class Trends {
  private final ElasticsearchClient client;

  public Trends(ElasticsearchClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Every bucket from {@code now - since} to now, empty buckets included, oldest first. */
  public List<TrendPoint> trend(String actor, Duration since, TrendInterval interval, Instant now) throws IOException {
    SearchResponse<Void> response = client.search(request(actor, since, interval, now), Void.class);
    List<TrendPoint> points = new ArrayList<>();
    var histogram = response.aggregations().get("volume");
    if (histogram == null) {
      return points;
    }
    for (DateHistogramBucket b : histogram.dateHistogram().buckets().array()) {
      Double mean = b.docCount() == 0 ? null : b.aggregations().get("mean").avg().value();
      Double max = b.docCount() == 0 ? null : b.aggregations().get("max").max().value();
      points.add(new TrendPoint(Instant.ofEpochMilli(b.key()), b.docCount(), mean, max));
    }
    return points;
  }

  /** The aggregation request; buckets are aligned to the interval in UTC. */
  public static SearchRequest request(String actor, Duration since, TrendInterval interval, Instant now) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(since, "since");
    ChronoUnit unit = interval == TrendInterval.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
    Instant from = now.minus(since).truncatedTo(unit);
    Instant to = now.truncatedTo(unit);
    return SearchRequest.of(s -> s
        .index(IndexNames.ARTICLES)
        .ignoreUnavailable(true)
        .allowNoIndices(true)
        .size(0)
        .query(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("actor_ids").value(FieldValue.of(actor))))
            .filter(f -> f.range(r -> r.date(d -> d.field("@timestamp").gte(from.toString()))))))
        .aggregations("volume", a -> a
            .dateHistogram(h -> h.field("@timestamp").calendarInterval(interval.calendar())
                .minDocCount(0)
                .timeZone("UTC")
                .extendedBounds(e -> e.min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                    m -> m.value((double) from.toEpochMilli())))
                    .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                        m -> m.value((double) to.toEpochMilli())))))
            .aggregations("mean", m -> m.avg(v -> v.field("tension.score")))
            .aggregations("max", m -> m.max(v -> v.field("tension.score")))));
  }
}
