package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;

class IndexerAppIT {
  private static DevStack stack;
  private static ElasticsearchClient client;
  private static KafkaProducer<byte[], byte[]> producer;

  @BeforeAll
  static void setUp() {
    stack = ItSupport.stack();
    client = ItSupport.client(stack);
    producer = ItSupport.producer(stack);
  }

  @AfterAll
  static void tearDown() {
    producer.close();
    EsClients.close(client);
  }

  @Test
  void reDeliveredArticleOverwritesInsteadOfDuplicating() throws Exception {
    String run = "redeliver-" + ItSupport.runId() + "-";
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Stage stage = IndexerApp.create(ItSupport.context(stack, "it-" + run, registry))) {
      stage.start();
      for (int i = 0; i < 10; i++) {
        send(run + i, 20 + i);
      }
      send(run + 3, 90);  // the same id again, with a new tension
      send(run + 3, 90);

      // the group reads the topic from the start, other tests' articles included: wait for this run's last write
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        @SuppressWarnings("rawtypes")
        GetResponse<Map> doc = client.get(g -> g.index(IndexNames.articlesIndex(Instant.now())).id(run + 3), Map.class);
        assertThat(doc.found()).isTrue();
        assertThat(((Map<?, ?>) doc.source().get("tension")).get("level")).isEqualTo("SEVERE");
      });
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", run)).isEqualTo(10));
      // twelve writes of ten ids: the count stays at ten
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", run)).isEqualTo(10));
      assertThat(indexedArticles(registry)).isGreaterThanOrEqualTo(12);
    }
  }

  @Test
  void aStoryUpdateAndItsArticleEndUpInOneDocumentWhateverTheOrder() throws Exception {
    String run = "story-" + ItSupport.runId() + "-";
    Instant published = Instant.now().minusSeconds(60);
    try (Stage stage = IndexerApp.create(ItSupport.context(stack, "it-" + run, new SimpleMeterRegistry()))) {
      stage.start();
      // the story update overtakes its article: the article must not write its own story over it
      ItSupport.send(producer, Topics.STORIES, run + "early", Json.write(new StoryUpdate(StoryUpdate.VERSION,
          run + "early", run + "orig", run + "orig", 2, published, published, published)));
      sendAt(run + "early", published);
      // the usual order: the article, then its story
      sendAt(run + "late", published);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(story(run + "late", published))
          .containsEntry("story_id", run + "late").containsEntry("is_duplicate", false));
      ItSupport.send(producer, Topics.STORIES, run + "late", Json.write(new StoryUpdate(StoryUpdate.VERSION,
          run + "late", run + "orig", run + "early", 1, published, published, published)));
      // and an article delivered again keeps the story it was given
      sendAt(run + "early", published);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(story(run + "early", published)).containsEntry("story_id", run + "orig")
            .containsEntry("duplicate_of", run + "orig").containsEntry("is_duplicate", true)
            .containsEntry("title", "Article " + run + "early");
        assertThat(story(run + "late", published)).containsEntry("story_id", run + "orig")
            .containsEntry("duplicate_of", run + "early").containsEntry("title", "Article " + run + "late");
      });
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(story(run + "early", published)).containsEntry("story_id", run + "orig"));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Map<String, Object> story(String id, Instant published) throws Exception {
    GetResponse<Map> doc = client.get(g -> g.index(IndexNames.articlesIndex(published)).id(id), Map.class);
    return doc.found() ? doc.source() : Map.of();
  }

  private static void sendAt(String id, Instant published) throws Exception {
    ItSupport.send(producer, Topics.ENRICHED, id, Json.write(
        Articles.article(id, published, "Article " + id, 40, List.of("PRK"), List.of("missile"))));
  }

  @Test
  void anUndatedArticleReFetchedInANewMonthStaysOneDocument() throws Exception {
    String run = "undated-" + ItSupport.runId() + "-";
    String id = run + "a";
    EnrichedArticle november = Articles.article(id, null, "Undated article", 30, List.of("PRK"), List.of());
    RawArticle r = november.article();
    RawArticle refetched = new RawArticle(r.schemaVersion(), r.id(), r.url(), r.canonicalUrl(), r.source(), r.region(),
        r.tags(), r.title(), r.text(), r.authors(), null, null, Instant.parse("2026-12-03T09:00:00Z"),
        r.languageHint(), r.leadImage(), r.siteName(), r.contentSource());
    EnrichedArticle december = new EnrichedArticle(november.schemaVersion(), refetched, november.language(),
        november.actors(), november.topics(), november.tension(), november.dyads(), november.fingerprint(),
        november.storyId(), november.duplicateOf(), Instant.parse("2026-12-03T09:01:00Z"));
    try (Stage stage = IndexerApp.create(ItSupport.context(stack, "it-" + run, null))) {
      stage.start();
      ItSupport.send(producer, Topics.ENRICHED, id, Json.write(november));
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", id)).isEqualTo(1));
      ItSupport.send(producer, Topics.ENRICHED, id, Json.write(december));
      // the second fetch replaces the first: one document, carrying the December fetch time
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        client.indices().refresh(x -> x.index(IndexNames.ARTICLES));
        var hits = client.search(q -> q.index(IndexNames.ARTICLES)
            .query(x -> x.term(t -> t.field("article_id").value(id))), Map.class).hits().hits();
        assertThat(hits).singleElement().satisfies(h -> {
          assertThat(h.index()).isEqualTo(IndexNames.UNDATED_ARTICLES);
          assertThat(((Map<?, ?>) h.source()).get("@timestamp")).isEqualTo("2026-12-03T09:00:00Z");
        });
      });
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", id)).isEqualTo(1));
    }
  }

  @Test
  void rejectedAndUnreadableRecordsGoToDeadLettersWhileTheRestIsIndexed() throws Exception {
    String run = "bad-" + ItSupport.runId() + "-";
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Stage stage = IndexerApp.create(ItSupport.context(stack, "it-" + run, registry))) {
      stage.start();
      send(run + "ok-1", 30);
      // valid JSON for the record, but Elasticsearch refuses a non-finite float: a 400 inside the bulk
      String rejected = new String(Json.write(Articles.article(run + "nan", Instant.now(), "NaN tension", 40,
          List.of("PRK"), List.of())), StandardCharsets.UTF_8).replace("\"score\":40.0", "\"score\":\"NaN\"");
      ItSupport.send(producer, Topics.ENRICHED, run + "nan", rejected.getBytes(StandardCharsets.UTF_8));
      // a non-numeric string: the record itself cannot be read
      String unreadable = rejected.replace("\"score\":\"NaN\"", "\"score\":\"very high\"");
      ItSupport.send(producer, Topics.ENRICHED, run + "str", unreadable.getBytes(StandardCharsets.UTF_8));
      send(run + "ok-2", 50);
      send(run + "ok-3", 60);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", run)).isEqualTo(3));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(registry.find(Metrics.DEAD_LETTERS).tag("stage", "indexer").counter().count()).isEqualTo(2));

      List<ConsumerRecord<byte[], byte[]>> dead = ItSupport.deadLetters(stack, run);
      assertThat(dead).hasSize(2);
      ConsumerRecord<byte[], byte[]> nan = dead.stream()
          .filter(r -> new String(r.key(), StandardCharsets.UTF_8).endsWith("nan")).findFirst().orElseThrow();
      assertThat(DeadLetters.header(nan.headers(), DeadLetters.MESSAGE)).contains("400").contains("tension.score");
      assertThat(DeadLetters.header(nan.headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.ENRICHED);
      assertThat(new String(nan.value(), StandardCharsets.UTF_8)).isEqualTo(rejected);
      ConsumerRecord<byte[], byte[]> str = dead.stream()
          .filter(r -> new String(r.key(), StandardCharsets.UTF_8).endsWith("str")).findFirst().orElseThrow();
      assertThat(DeadLetters.header(str.headers(), DeadLetters.CLASS)).endsWith("SchemaException");
    }
  }

  @Test
  void alertAndItsDeliveryEndUpInOneDocumentWhateverTheOrder() throws Exception {
    String run = "alert-" + ItSupport.runId() + "-";
    Instant now = Instant.now();
    Alert alert = new Alert(Alert.VERSION, run + "1", "surge", "Missile surge", "threshold", "PRK",
        TensionLevel.HIGH, "PRK surge", "3 articles in 1h", List.of("a", "b", "c"), List.of("PRK"), 3,
        now.minusSeconds(3600), now, now, List.of("webhook"));
    Aggregate agg = new Aggregate(Aggregate.VERSION, "actor", run + "PRK", now.minusSeconds(3600), now, 3, 150, 70);
    try (Stage stage = IndexerApp.create(ItSupport.context(stack, "it-" + run, new SimpleMeterRegistry()))) {
      stage.start();
      // the delivery outcome first: the upsert must not lose it when the alert arrives
      ItSupport.send(producer, Topics.ALERT_DELIVERIES, run + "1",
          "{\"channel\":\"webhook\",\"status\":\"DELIVERED\",\"attempts\":1}".getBytes(StandardCharsets.UTF_8));
      ItSupport.send(producer, Topics.ALERTS, run + "1", Json.write(alert));
      ItSupport.send(producer, Topics.AGGREGATES, agg.docId(), Json.write(agg));

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        @SuppressWarnings("rawtypes")
        GetResponse<Map> doc = client.get(g -> g.index(IndexNames.ALERTS_INDEX).id(run + "1"), Map.class);
        assertThat(doc.found()).isTrue();
        assertThat(doc.source()).containsEntry("delivery_status", "DELIVERED").containsEntry("level", "HIGH")
            .containsEntry("alert_id", run + "1");
      });
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.AGGREGATES, "key", run)).isEqualTo(1));
    }
  }

  /** Articles the stage counted as indexed; its counter appears with the first one. */
  private static double indexedArticles(SimpleMeterRegistry registry) {
    var counter = registry.find(Metrics.INDEXED).tag("kind", "article").counter();
    return counter == null ? 0 : counter.count();
  }

  private static void send(String id, double tension) throws Exception {
    ItSupport.send(producer, Topics.ENRICHED, id, Json.write(
        Articles.article(id, Instant.now(), "Article " + id, tension, List.of("PRK", "KOR"), List.of("missile"))));
  }
}
