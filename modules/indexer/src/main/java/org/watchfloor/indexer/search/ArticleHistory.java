package org.watchfloor.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.model.EnrichedArticle;

/**
 * Reads indexed articles back in fetch-time order, through a point in time with {@code search_after}, so that a replay
 * sees them as the live stream did; each document is read by {@link ArticleDocuments#fromDocument}.
 */
public final class ArticleHistory {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleHistory.class);

  /** The fetch time, {@code event.created} in the document. */
  public static final String TIME_FIELD = "event.created";
  private static final int PAGE = 500;
  private static final String KEEP_ALIVE = "2m";

  private final ElasticsearchClient client;

  public ArticleHistory(ElasticsearchClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Calls {@code sink} with every article fetched since {@code since}, oldest first; a document that cannot be read
   * back is logged and skipped. Returns the number of articles read.
   *
   * @throws IOException when Elasticsearch cannot be reached or answers with an error
   */
  public long forEach(Instant since, Consumer<EnrichedArticle> sink) throws IOException {
    String pitId = call(() -> client.openPointInTime(p -> p.index(IndexNames.ARTICLES)
        .keepAlive(t -> t.time(KEEP_ALIVE))).id());
    long count = 0;
    List<FieldValue> after = null;
    try {
      while (true) {
        SearchRequest request = request(pitId, since, after);
        SearchResponse<JsonNode> page = call(() -> client.search(request, JsonNode.class));
        if (page.pitId() != null) {
          pitId = page.pitId();
        }
        List<Hit<JsonNode>> hits = page.hits().hits();
        if (hits.isEmpty()) {
          return count;
        }
        for (Hit<JsonNode> hit : hits) {
          try {
            sink.accept(ArticleDocuments.fromDocument(hit.source()));
            count++;
          } catch (RuntimeException e) {
            LOG.warn("Indexed article {} skipped: {}", hit.id(), e.getMessage());
          }
          after = hit.sort();
        }
      }
    } finally {
      String id = pitId;
      try {
        call(() -> client.closePointInTime(c -> c.id(id)));
      } catch (IOException e) {
        LOG.debug("Point in time not closed: {}", e.getMessage());
      }
    }
  }

  /** One page of articles fetched since {@code since}, oldest first, after the sort values {@code after} (or null). */
  static SearchRequest request(String pitId, Instant since, List<FieldValue> after) {
    return SearchRequest.of(s -> {
      s.size(PAGE)
          .pit(p -> p.id(pitId).keepAlive(t -> t.time(KEEP_ALIVE)))
          .query(q -> q.range(r -> r.date(d -> d.field(TIME_FIELD).gte(since.toString()))))
          .sort(o -> o.field(f -> f.field(TIME_FIELD).order(SortOrder.Asc).unmappedType(FieldType.Date)))
          .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
          .trackTotalHits(t -> t.enabled(false));
      if (after != null) {
        s.searchAfter(after);
      }
      return s;
    });
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
