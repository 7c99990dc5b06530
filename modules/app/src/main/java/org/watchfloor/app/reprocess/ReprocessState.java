package org.watchfloor.app.reprocess;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the replay of history stands, kept in Elasticsearch beside the indices it writes, so that a stopped run
 * resumes its generation from the same starting point.
 *
 * @param status {@link #RUNNING} until the read alias moved, then {@link #SWAPPED}
 * @param articles records read by the runs so far
 */
public record ReprocessState(int generation, Instant since, String status, String classifierVersion,
    Instant startedAt, Instant swappedAt, long articles) {
  public static final String INDEX = "watchfloor-reprocess";
  static final String ID = "articles";
  public static final String RUNNING = "running";
  public static final String SWAPPED = "swapped";

  /** The state of the last replay, or null when there has been none. */
  public static ReprocessState load(ElasticsearchClient client) throws IOException {
    try {
      @SuppressWarnings("rawtypes")
      var doc = client.get(g -> g.index(INDEX).id(ID), Map.class);
      if (!doc.found() || doc.source() == null) {
        return null;
      }
      Map<?, ?> s = doc.source();
      return new ReprocessState(((Number) s.get("generation")).intValue(), instant(s.get("since")),
          (String) s.get("status"), (String) s.get("classifier_version"), instant(s.get("started_at")),
          instant(s.get("swapped_at")), ((Number) s.get("articles")).longValue());
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  public void save(ElasticsearchClient client) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("generation", generation);
    doc.put("since", since.toString());
    doc.put("status", status);
    doc.put("classifier_version", classifierVersion);
    doc.put("started_at", startedAt == null ? null : startedAt.toString());
    doc.put("swapped_at", swappedAt == null ? null : swappedAt.toString());
    doc.put("articles", articles);
    client.index(i -> i.index(INDEX).id(ID).document(doc).refresh(Refresh.True));
  }

  ReprocessState swapped(Instant at, long total) {
    return new ReprocessState(generation, since, SWAPPED, classifierVersion, startedAt, at, total);
  }

  ReprocessState withArticles(long total) {
    return new ReprocessState(generation, since, status, classifierVersion, startedAt, swappedAt, total);
  }

  private static Instant instant(Object value) {
    return value == null ? null : Instant.parse(value.toString());
  }
}
