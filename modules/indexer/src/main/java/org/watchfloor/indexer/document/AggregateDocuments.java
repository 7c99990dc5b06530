package org.watchfloor.indexer.document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Aggregate;

/** Maps an hourly {@link Aggregate} to its document; its {@code docId} keeps one document per key and window. */
public final class AggregateDocuments {
  private AggregateDocuments() {}

  public static Map<String, Object> toDocument(Aggregate a, Instant ingested) {
    Objects.requireNonNull(a, "aggregate");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@timestamp", a.windowStart().toString());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("kind", "metric");
    event.put("dataset", "watchfloor.aggregates");
    ArticleDocuments.put(event, "ingested", ingested);
    doc.put("event", event);
    doc.put("kind", a.kind());
    doc.put("key", a.key());
    Map<String, Object> window = new LinkedHashMap<>();
    ArticleDocuments.put(window, "start", a.windowStart());
    ArticleDocuments.put(window, "end", a.windowEnd());
    doc.put("window", window);
    doc.put("count", a.count());
    Map<String, Object> tension = new LinkedHashMap<>();
    tension.put("sum", a.tensionSum());
    tension.put("max", a.tensionMax());
    tension.put("mean", a.tensionMean());
    doc.put("tension", tension);
    return doc;
  }
}
