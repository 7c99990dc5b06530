package org.watchfloor.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexSetup;
import org.watchfloor.indexer.ingest.DocumentOperations;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;

/**
 * Puts enriched articles into the shared Elasticsearch node the way the indexer does: its templates and aliases, and
 * each article as the bulk operation the indexer builds from an enriched-topic record.
 */
final class IndexedArticles {
  private IndexedArticles() {}

  /** The shared node's URL, after the indexer's templates and aliases are in place. */
  static String elasticsearchUrl() throws IOException {
    String url = SharedStack.get().elasticsearch().url();
    ElasticsearchClient client = client(url);
    try {
      new IndexSetup(client, 0).ensure();
    } finally {
      EsClients.close(client);
    }
    return url;
  }

  /** An actor id no other test uses, so that each test class sees only its own articles. */
  static String uniqueActor(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  /** A URL on loopback where nothing listens. */
  static String deadUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  static EnrichedArticle article(String id, Instant published, Instant fetched, String title, double tension,
      List<String> actorIds, List<String> topics) {
    RawArticle raw = new RawArticle(RawArticle.VERSION, id, "https://www.example.org/news/" + id, null,
        "example-wire", "east-asia", List.of("defence"), title,
        title + ". The report names " + String.join(" and ", actorIds) + ".", List.of("A. Writer"), published, null,
        fetched, "en", null, "Example", RawArticle.FROM_PAGE);
    List<ActorMention> actors = actorIds.stream()
        .map(a -> new ActorMention(a, "STATE", "Name of " + a, null, a, 1, List.of(a)))
        .toList();
    List<TopicScore> scores = topics.stream().map(t -> new TopicScore(t, 0.8, List.of(t))).toList();
    List<Dyad> dyads = actorIds.size() >= 2
        ? List.of(new Dyad(actorIds.get(0), actorIds.get(1), "THREATEN", -7.0, title + "."))
        : List.of();
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, "en", actors, scores,
        new Tension(tension, TensionLevel.of(tension), -5.0, List.of(title + ".")), dyads, id.hashCode(), id, null,
        fetched);
  }

  /** Indexes the articles in one bulk request, as the indexer would from enriched-topic records, and refreshes. */
  static void index(String url, List<EnrichedArticle> articles) throws IOException {
    ElasticsearchClient client = client(url);
    try {
      Instant ingested = Instant.now();
      var operations = articles.stream()
          .map(a -> DocumentOperations.of(
              new ConsumerRecord<>(Topics.ENRICHED, 0, 0L, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)), ingested).operation())
          .toList();
      BulkResponse response = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
      if (response.errors()) {
        throw new IllegalStateException("bulk indexing failed: " + response.items());
      }
    } finally {
      EsClients.close(client);
    }
  }

  private static ElasticsearchClient client(String url) {
    return EsClients.create(Settings.of(Map.of(), Path.of(".")), url);
  }
}
