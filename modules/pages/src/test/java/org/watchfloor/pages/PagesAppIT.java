package org.watchfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SampleArticle;
import org.watchfloor.devstack.SampleSource;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.pages.extract.GoldSetEvaluator;
import org.watchfloor.pages.url.ArticleIds;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/** The pages stage on the real local broker: entries in, raw articles out keyed by id, bad records to dead letters. */
class PagesAppIT {
  private static DevStack stack;
  private static SampleSource site;

  @BeforeAll
  static void startStack() {
    stack = SharedStack.kafkaOnly();
    site = SampleSource.start();
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  @Test
  void turnsEntriesIntoRawArticlesKeyedByIdAndDeadLettersBadOnes() throws Exception {
    String group = "pages-it-" + UUID.randomUUID();
    List<SampleArticle> articles = site.articles().subList(0, 6);
    Map<String, SampleArticle> byId = new HashMap<>();
    String missing = site.baseUrl() + "/articles/no-such-page-" + UUID.randomUUID() + ".html?utm_source=it";
    String missingId = ArticleIds.of(missing);
    String badLink = "ftp://example.org/" + UUID.randomUUID();
    byte[] garbage = ("{not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
      for (SampleArticle a : articles) {
        String link = site.articleUrl(a) + "?utm_medium=rss#top";
        byId.put(ArticleIds.of(link), a);
        send(producer, entry(link, a.summary(), a.title()));
      }
      send(producer, entry(missing, "The summary stands in for the page.", "Missing page"));
      send(producer, entry(badLink, "x", "Bad link"));
      producer.send(new ProducerRecord<>(Topics.ENTRIES, "127.0.0.1".getBytes(StandardCharsets.UTF_8), garbage)).get();
    }

    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Settings settings = Settings.of(Map.of("pages.host.delay", "0ms", "pages.group.id", group,
        "pages.retry.backoff", "50ms", "pages.workers", "4"), Path.of("."));
    Stage stage = PagesApp.create(new StageContext(settings, stack.kafka().bootstrapServers(), null, metrics));
    Map<String, RawArticle> raw = new HashMap<>();
    Map<String, String> keys = new HashMap<>();
    List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
      consumer.subscribe(List.of(Topics.RAW, Topics.DEAD_LETTERS));
      stage.start();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.topic().equals(Topics.RAW)) {
            RawArticle a = Json.read(r.value(), RawArticle.class);
            raw.put(a.id(), a);
            keys.put(a.id(), new String(r.key(), StandardCharsets.UTF_8));
          } else if ("pages".equals(DeadLetters.header(r.headers(), DeadLetters.STAGE))) {
            dead.add(r);
          }
        }
        assertThat(raw).containsKeys(byId.keySet().toArray(String[]::new)).containsKey(missingId);
        assertThat(dead.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)))
            .anyMatch(v -> v.contains(badLink)).anyMatch(v -> v.startsWith("{not json " ));
      });
    } finally {
      stage.close();
    }

    for (Map.Entry<String, SampleArticle> e : byId.entrySet()) {
      RawArticle a = raw.get(e.getKey());
      SampleArticle expected = e.getValue();
      assertThat(keys.get(e.getKey())).isEqualTo(e.getKey());
      assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_PAGE);
      assertThat(a.url()).isEqualTo(site.articleUrl(expected));
      assertThat(a.title()).isEqualTo(expected.title());
      GoldSetEvaluator.PageScore score = GoldSetEvaluator.score(a.id(), a.text(), expected.text());
      assertThat(score.f1()).as("extraction of %s", a.url()).isGreaterThanOrEqualTo(0.9);
      assertThat(a.published()).isNotNull();
    }
    RawArticle fallback = raw.get(missingId);
    assertThat(fallback.contentSource()).isEqualTo(RawArticle.FROM_FEED_SUMMARY);
    assertThat(fallback.text()).isEqualTo("The summary stands in for the page.");
    assertThat(dead).allSatisfy(r -> {
      assertThat(DeadLetters.header(r.headers(), DeadLetters.CLASS)).isNotBlank();
      assertThat(DeadLetters.header(r.headers(), DeadLetters.MESSAGE)).isNotBlank();
      assertThat(DeadLetters.header(r.headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.ENTRIES);
    });
    assertThat(metrics.get(Metrics.FETCHED).counters().stream().mapToDouble(c -> c.count()).sum())
        .isGreaterThanOrEqualTo(7);
    assertThat(metrics.get(Metrics.DEAD_LETTERS).tag("stage", "pages").counter().count()).isGreaterThanOrEqualTo(2);
    assertOffsetsCommitted(group);
  }

  @Test
  void aRestartedStageResumesAfterWhatItCommittedAndRepublishesNothing() throws Exception {
    String group = "pages-it-restart-" + UUID.randomUUID();
    String run = UUID.randomUUID().toString();
    List<SampleArticle> articles = site.articles().subList(10, 13);
    List<String> links = articles.stream().map(a -> site.articleUrl(a) + "?run=" + run).toList();
    List<String> ids = links.stream().map(ArticleIds::of).toList();
    Settings settings = Settings.of(Map.of("pages.host.delay", "0ms", "pages.group.id", group), Path.of("."));
    Map<String, Integer> seen = new HashMap<>();

    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps());
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
      consumer.subscribe(List.of(Topics.RAW));
      // The tests share the entries topic: start from its current end so only this test's entries count.
      seekGroupToEnd(group);
      send(producer, entry(links.get(0), "s", "t"));
      send(producer, entry(links.get(1), "s", "t"));
      Stage first = PagesApp.create(new StageContext(settings, stack.kafka().bootstrapServers(), null,
          new SimpleMeterRegistry()));
      first.start();
      try {
        awaitIds(consumer, seen, ids.subList(0, 2));
      } finally {
        first.close();
      }
      send(producer, entry(links.get(2), "s", "t"));
      Stage second = PagesApp.create(new StageContext(settings, stack.kafka().bootstrapServers(), null,
          new SimpleMeterRegistry()));
      second.start();
      try {
        awaitIds(consumer, seen, ids);
        // A wrongly re-processed entry would show up as a second copy; watch for one for a few seconds.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            seen.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
          }
          assertThat(ids).allSatisfy(id -> assertThat(seen.get(id)).as("copies of %s", id).isEqualTo(1));
        });
      } finally {
        second.close();
      }
    }
  }

  private static void awaitIds(KafkaConsumer<byte[], byte[]> consumer, Map<String, Integer> seen, List<String> ids) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        seen.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
      }
      assertThat(seen).containsKeys(ids.toArray(String[]::new));
    });
  }

  private static void seekGroupToEnd(String group) throws Exception {
    Properties p = consumerProps();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = c.partitionsFor(Topics.ENTRIES).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(parts);
      c.seekToEnd(parts);
      Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
      for (TopicPartition tp : parts) {
        end.put(tp, new OffsetAndMetadata(c.position(tp)));
      }
      c.commitSync(end);
    }
  }

  private static void assertOffsetsCommitted(String group) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long total = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
      assertThat(total).as("offsets committed once the batch was published").isGreaterThanOrEqualTo(9);
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, FeedEntry e) throws Exception {
    String host = URI.create(e.link()).getHost();
    producer.send(new ProducerRecord<>(Topics.ENTRIES, (host == null ? "x" : host).getBytes(StandardCharsets.UTF_8),
        Json.write(e))).get();
  }

  private static FeedEntry entry(String link, String summary, String title) {
    return new FeedEntry(FeedEntry.VERSION, "sample", site.rssUrl(), link, link, title, summary,
        Instant.now(), Instant.now(), "en", "korean-peninsula", List.of("it"), true);
  }

  private static Properties producerProps() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  private static Properties consumerProps() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "pages-it-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }
}
