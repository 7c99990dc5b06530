package org.watchfloor.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

class EnrichmentIT {
  private static DevStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void startStack() {
    stack = SharedStack.kafkaOnly();
  }

  @Test
  void enrichesEveryArticleExactlyOnceOnTheRealBroker() {
    String run = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Stage stage = EnricherApp.create(context(run, dir.resolve("state"), metrics), new TestClassifier());
    stage.start();
    try {
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String fp = Long.toHexString(i * 0x1111_0000_0000_1111L + 1);
        records.add(raw(article(run + i, "PRK>KOR [tension " + (i % 100) + "] [fp " + fp + "]")));
      }
      // a re-delivery of the first ten, and three records that cannot be enriched
      records.addAll(records.subList(0, 10));
      records.add(new ProducerRecord<>(Topics.RAW, (run + "bad-json").getBytes(StandardCharsets.UTF_8),
          "{not json".getBytes(StandardCharsets.UTF_8)));
      records.add(raw(article(run + "empty", "")));
      records.add(raw(article(run + "boom", "[boom]")));
      produce(records);

      Map<String, Integer> seen = new HashMap<>();
      List<String> deadKeys = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> enriched = committedConsumer(run + "enriched");
          KafkaConsumer<byte[], byte[]> dead = committedBytesConsumer(run + "dead")) {
        enriched.subscribe(List.of(Topics.ENRICHED));
        dead.subscribe(List.of(Topics.DEAD_LETTERS));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
          drain(enriched, run, seen);
          for (ConsumerRecord<byte[], byte[]> r : dead.poll(Duration.ofMillis(100))) {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            if (key.startsWith(run)) {
              deadKeys.add(key + " " + DeadLetters.header(r.headers(), DeadLetters.MESSAGE));
            }
          }
          assertThat(seen).hasSize(200);
          assertThat(deadKeys).hasSize(3);
        });
        // anything more would be a duplicate: give it a few more commit intervals to show up
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
          drain(enriched, run, seen);
        }
      }
      assertThat(seen.values()).allMatch(count -> count == 1);
      assertThat(deadKeys).anyMatch(k -> k.startsWith(run + "bad-json") && k.contains("invalid JSON"))
          .anyMatch(k -> k.startsWith(run + "empty") && k.contains("neither title nor text"))
          .anyMatch(k -> k.startsWith(run + "boom") && k.contains("classifier cannot read"));
      assertThat(metrics.get(Metrics.ENRICHED).tag("stage", "enricher").counter().count()).isGreaterThanOrEqualTo(200);
      assertThat(metrics.get(Metrics.DEAD_LETTERS).tag("stage", "enricher").counter().count())
          .isGreaterThanOrEqualTo(3);
    } finally {
      stage.close();
    }
  }

  @Test
  void everyArticleAppearsExactlyOnceWhenOneOfTwoInstancesStopsMidStream() {
    String run = "failover-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Stage first = EnricherApp.create(context(run, dir.resolve("a"), new SimpleMeterRegistry()), new TestClassifier());
    Stage second = EnricherApp.create(context(run, dir.resolve("b"), new SimpleMeterRegistry()), new TestClassifier());
    first.start();
    second.start();
    Map<String, Integer> seen = new HashMap<>();
    try (KafkaConsumer<String, byte[]> enriched = committedConsumer(run + "enriched")) {
      enriched.subscribe(List.of(Topics.ENRICHED));
      produce(batch(run, 0, 150));
      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
        drain(enriched, run, seen);
        assertThat(seen.size()).isGreaterThanOrEqualTo(50);
      });
      // stop one instance while the rest is still in flight; the other takes its partitions over
      produce(batch(run, 150, 300));
      first.close();
      produce(batch(run, 300, 400));
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        drain(enriched, run, seen);
        assertThat(seen).hasSize(400);
      });
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < until) {
        drain(enriched, run, seen);
      }
    } finally {
      first.close();
      second.close();
    }
    assertThat(seen.values()).allMatch(count -> count == 1);
  }

  @Test
  void enrichesWithTheClassifierLoadedFromTheConfigDirectory() {
    String run = "real-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Path configDir = Path.of("../../config").toAbsolutePath().normalize();
    Settings settings = Settings.of(Map.of(
        "enricher.application.id", run + "enricher",
        "enricher.state.dir", dir.resolve("real").toString()), configDir);
    Stage stage = EnricherApp.create(
        new StageContext(settings, stack.kafka().bootstrapServers(), null, new SimpleMeterRegistry()));
    stage.start();
    Map<String, EnrichedArticle> seen = new HashMap<>();
    try (KafkaConsumer<String, byte[]> enriched = committedConsumer(run + "enriched")) {
      enriched.subscribe(List.of(Topics.ENRICHED));
      Instant now = Instant.now();
      produce(List.of(raw(new RawArticle(RawArticle.VERSION, run + "1", "https://news.example/" + run, null, "example",
          "asia", List.of(), "North Korea fires ballistic missile into the sea off Japan",
          "North Korea fired a ballistic missile toward the sea off its east coast on Tuesday, South Korea's military "
              + "said. Japan's defence ministry said the missile fell outside its exclusive economic zone.",
          List.of(), now, null, now, "en", null, "Example", RawArticle.FROM_PAGE))));
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        for (ConsumerRecord<String, byte[]> r : enriched.poll(Duration.ofMillis(100))) {
          if (r.key() != null && r.key().startsWith(run)) {
            seen.put(r.key(), Json.read(r.value(), EnrichedArticle.class));
          }
        }
        assertThat(seen).containsKey(run + "1");
      });
    } finally {
      stage.close();
    }
    EnrichedArticle e = seen.get(run + "1");
    assertThat(e.actors()).extracting(a -> a.id()).contains("PRK");
    assertThat(e.tension()).isNotNull();
    assertThat(e.fingerprint()).isNotZero();
    assertThat(e.storyId()).isEqualTo(run + "1");
  }

  @Test
  void emitsAnAggregateLeftPendingByAStoppedInstanceAfterRestoringItsState() {
    String run = "pending-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String actor = "ACT_" + run.substring(8, 16).toUpperCase(java.util.Locale.ROOT);
    // the first instance never reaches its emit interval: its aggregate is committed to the changelog as pending
    Stage first = EnricherApp.create(new StageContext(settings(run, dir.resolve("p1"), "1h"),
        stack.kafka().bootstrapServers(), null, new SimpleMeterRegistry()), new TestClassifier());
    first.start();
    Map<String, Integer> seen = new HashMap<>();
    try (KafkaConsumer<String, byte[]> enriched = committedConsumer(run + "enriched");
        KafkaConsumer<String, byte[]> aggregates = committedConsumer(run + "aggregates")) {
      enriched.subscribe(List.of(Topics.ENRICHED));
      aggregates.subscribe(List.of(Topics.AGGREGATES));
      produce(List.of(raw(article(run + "1", actor + " said [tension 60] [fp 77]"))));
      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
        drain(enriched, run, seen);
        assertThat(seen).containsKey(run + "1");
      });
      first.close();
      // a new instance with an empty state directory restores the store from its changelog
      Stage second = EnricherApp.create(new StageContext(settings(run, dir.resolve("p2"), "100ms"),
          stack.kafka().bootstrapServers(), null, new SimpleMeterRegistry()), new TestClassifier());
      second.start();
      try {
        List<org.watchfloor.model.Aggregate> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
          for (ConsumerRecord<String, byte[]> r : aggregates.poll(Duration.ofMillis(100))) {
            var agg = Json.read(r.value(), org.watchfloor.model.Aggregate.class);
            if (actor.equals(agg.key())) {
              found.add(agg);
            }
          }
          assertThat(found).isNotEmpty();
        });
        assertThat(found.get(0).count()).isEqualTo(1);
        assertThat(found.get(0).tensionMax()).isEqualTo(60.0);
      } finally {
        second.close();
      }
    } finally {
      first.close();
    }
  }

  private Settings settings(String run, Path stateDir, String emitInterval) {
    return Settings.of(Map.of(
        "enricher.application.id", run + "enricher",
        "enricher.state.dir", stateDir.toString(),
        "enricher.aggregate.emit.interval", emitInterval), dir);
  }

  private StageContext context(String run, Path stateDir, SimpleMeterRegistry metrics) {
    Settings settings = Settings.of(Map.of(
        "enricher.application.id", run + "enricher",
        "enricher.state.dir", stateDir.toString()), dir);
    return new StageContext(settings, stack.kafka().bootstrapServers(), null, metrics);
  }

  private static List<ProducerRecord<byte[], byte[]>> batch(String run, int from, int to) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(raw(article(run + i, "USA and JPN drill [tension 40]")));
    }
    return records;
  }

  private static void drain(KafkaConsumer<String, byte[]> consumer, String run, Map<String, Integer> seen) {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
      if (r.key() != null && r.key().startsWith(run)) {
        EnrichedArticle e = Json.read(r.value(), EnrichedArticle.class);
        assertThat(e.id()).isEqualTo(r.key());
        seen.merge(r.key(), 1, Integer::sum);
      }
    }
  }

  private static ProducerRecord<byte[], byte[]> raw(RawArticle a) {
    return new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a));
  }

  private static RawArticle article(String id, String text) {
    Instant now = Instant.now();
    return new RawArticle(RawArticle.VERSION, id, "https://news.example/" + id, null, "example", "asia", List.of(),
        text.isEmpty() ? "" : "Title " + id, text, List.of(), now, null, now, "en", null, "Example",
        RawArticle.FROM_PAGE);
  }

  private static void produce(List<ProducerRecord<byte[], byte[]>> records) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  private static KafkaConsumer<String, byte[]> committedConsumer(String group) {
    return new KafkaConsumer<>(consumerProps(group), new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static KafkaConsumer<byte[], byte[]> committedBytesConsumer(String group) {
    return new KafkaConsumer<>(consumerProps(group), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Properties consumerProps(String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return p;
  }
}
