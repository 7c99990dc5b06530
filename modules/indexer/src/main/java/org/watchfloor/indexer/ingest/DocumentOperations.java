package org.watchfloor.indexer.ingest;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.document.AggregateDocuments;
import org.watchfloor.indexer.document.AlertDocuments;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.Topics;

/**
 * Maps one topic record to its bulk operation. Aggregates are indexed under their id. Everything else is an upsert,
 * so that any order of arrival gives the same result: an article and the story update that may overtake it, an
 * alert and its delivery outcomes.
 */
public final class DocumentOperations {
  /** Optimistic-concurrency retries inside Elasticsearch when an alert and its delivery update race. */
  private static final int RETRY_ON_CONFLICT = 5;

  private DocumentOperations() {}

  /**
   * A bulk operation with the kind of document it writes ({@code article}, {@code story}, {@code alert},
   * {@code delivery}, {@code aggregate}), and the operation to send instead if the document exists already (null:
   * the operation writes over it by itself).
   */
  public record Op(String kind, String id, BulkOperation operation, BulkOperation onConflict) {
    public Op(String kind, String id, BulkOperation operation) {
      this(kind, id, operation, null);
    }

    /** The follow-up for a document that exists. */
    Op followUp() {
      return new Op(kind, id, onConflict, null);
    }
  }

  /**
   * The operation for a record of one of the indexer's topics.
   *
   * @throws RuntimeException (notably {@link org.watchfloor.model.SchemaException}) when the record cannot be read
   */
  public static Op of(ConsumerRecord<byte[], byte[]> record, Instant ingested) {
    return of(record, ingested, 1);
  }

  /** Like {@link #of(ConsumerRecord, Instant)}, writing articles into a generation of the article indices. */
  public static Op of(ConsumerRecord<byte[], byte[]> record, Instant ingested, int generation) {
    switch (record.topic()) {
      case Topics.ENRICHED: {
        EnrichedArticle a = Json.read(record.value(), EnrichedArticle.class);
        if (a.article() == null || a.id() == null) {
          throw new IllegalArgumentException("enriched article without an article id");
        }
        // created whole; if the document exists (a story update came first, or the article is delivered again),
        // everything but the story fields is written over it
        Map<String, Object> doc = ArticleDocuments.toDocument(a, ingested);
        String index = ArticleDocuments.index(a, generation);
        BinaryData whole = json(doc);
        Map<String, Object> partial = ArticleDocuments.withoutStory(doc);
        return new Op("article", a.id(),
            BulkOperation.of(b -> b.create(c -> c.index(index).id(a.id()).document(whole))),
            BulkOperation.of(b -> b.<Map<String, Object>, Map<String, Object>>update(
                u -> u.index(index).id(a.id()).retryOnConflict(RETRY_ON_CONFLICT).action(x -> x.doc(partial)))));
      }
      case Topics.STORIES: {
        StoryUpdate s = Json.read(record.value(), StoryUpdate.class);
        if (s.articleId() == null || s.storyId() == null) {
          throw new IllegalArgumentException("story update without an article id or a story id");
        }
        Map<String, Object> story = ArticleDocuments.storyFields(s);
        String index = ArticleDocuments.index(s, generation);
        return new Op("story", s.articleId(), BulkOperation.of(b -> b.<Map<String, Object>, Map<String, Object>>update(
            u -> u.index(index).id(s.articleId()).retryOnConflict(RETRY_ON_CONFLICT)
                .action(x -> x.doc(story).docAsUpsert(true)))));
      }
      case Topics.AGGREGATES: {
        Aggregate g = Json.read(record.value(), Aggregate.class);
        if (g.windowStart() == null || g.kind() == null || g.key() == null) {
          throw new IllegalArgumentException("aggregate without kind, key or window_start");
        }
        BinaryData doc = json(AggregateDocuments.toDocument(g, ingested));
        return new Op("aggregate", g.docId(),
            BulkOperation.of(b -> b.index(i -> i.index(IndexNames.AGGREGATES_INDEX).id(g.docId()).document(doc))));
      }
      case Topics.ALERTS: {
        Alert a = Json.read(record.value(), Alert.class);
        if (a.id() == null) {
          throw new IllegalArgumentException("alert without an id");
        }
        return upsert("alert", a.id(), AlertDocuments.toDocument(a, ingested));
      }
      case Topics.ALERT_DELIVERIES: {
        String id = AlertDocuments.deliveryAlertId(record.key(), record.value());
        return upsert("delivery", id, AlertDocuments.deliveryUpdate(record.value()));
      }
      default:
        throw new IllegalArgumentException("the indexer does not read topic " + record.topic());
    }
  }

  private static Op upsert(String kind, String id, Map<String, Object> partial) {
    // update actions serialise the partial document through the client's mapper; a plain map needs nothing more
    BulkOperation op = BulkOperation.of(b -> b.<Map<String, Object>, Map<String, Object>>update(u -> u.index(IndexNames.ALERTS_INDEX).id(id)
        .retryOnConflict(RETRY_ON_CONFLICT)
        .action(a -> a.doc(partial).docAsUpsert(true))));
    return new Op(kind, id, op);
  }

  private static BinaryData json(Map<String, Object> doc) {
    return BinaryData.of(Json.write(doc), ContentType.APPLICATION_JSON);
  }
}
