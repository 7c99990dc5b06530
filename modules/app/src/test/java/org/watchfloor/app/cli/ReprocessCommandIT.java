package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.search.Hit;
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
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.IndexSetup;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * {@code watchfloor reprocess} on a stack of its own (it moves the read alias, which tests on the shared node must not
 * see): history read by an older classifier is read again into a new generation, stopped halfway and resumed, then
 * swapped in while the live indexer keeps writing; nothing reaches Kafka, so no alert can be sent again.
 */
class ReprocessCommandIT {
  private static final int ARTICLES = 60;
  private static final Path CONFIG = Path.of("../../config").toAbsolutePath().normalize();
  private static DevStack stack;
  private static ElasticsearchClient client;

  @BeforeAll
  static void start() throws Exception {
    stack = DevStack.start();
    client = EsClients.create(Settings.of(Map.of(), CONFIG), stack.elasticsearch().url());
    new IndexSetup(client, 0).ensure();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      EsClients.close(client);
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void historyIsReadAgainIntoANewGenerationResumedAfterAStopAndSwappedInWithoutAlerts() throws Exception {
    String kafka = stack.kafka().bootstrapServers();
    String es = stack.elasticsearch().url();
    Path config = CONFIG;
    String current = Classifiers.load(config).version();
    SyntheticArticles synthetic = new SyntheticArticles("reprocess", 0, 17);
    List<RawArticle> raws = new ArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Stage indexer = IndexerApp.create(new StageContext(Settings.of(Map.of(), config), kafka, es, registry));
        KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
      indexer.start();
      // history: the raw articles, and what an older classifier made of them (one of them a copy in a story)
      for (int i = 0; i < ARTICLES; i++) {
        RawArticle a = synthetic.article(i);
        raws.add(a);
        producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
        String story = i == 1 ? raws.get(0).id() : a.id();
        EnrichedArticle old = new EnrichedArticle(EnrichedArticle.VERSION, a, "en", List.of(), List.of(), null,
            List.of(), 1L, story, i == 1 ? raws.get(0).id() : null, Instant.now(), "rules-000000000000");
        producer.send(new ProducerRecord<>(Topics.ENRICHED, a.id().getBytes(StandardCharsets.UTF_8),
            Json.write(old)));
      }
      producer.flush();
      await().atMost(Duration.ofSeconds(90)).until(() -> versions().getOrDefault("rules-000000000000", 0L)
          == ARTICLES);
      Map<TopicPartition, Long> enrichedBefore = ends(kafka, Topics.ENRICHED);
      Map<TopicPartition, Long> alertsBefore = ends(kafka, Topics.ALERTS);

      // stopped after 20 records, as Ctrl-C would: nothing swapped, the old generation still read
      CliRun first = CliRun.of("reprocess", "--config", CONFIG.toString(), "--kafka", kafka, "--elasticsearch", es,
          "--since", "1d",
          "--follow", "2s", "--stop-after", "20", "--progress-every", "1s");
      assertThat(first.exit()).as(first.err()).isEqualTo(1);
      assertThat(first.out()).contains("Generation 2:").contains("Stopped after").contains("resume");
      assertThat(versions()).containsOnlyKeys("rules-000000000000");

      // the same command resumes the same generation, catches up, and swaps
      CliRun second = CliRun.of("reprocess", "--config", CONFIG.toString(), "--kafka", kafka, "--elasticsearch", es,
          "--since", "1d",
          "--follow", "12s", "--progress-every", "1s");
      assertThat(second.exit()).as(second.out() + second.err()).isZero();
      assertThat(second.out()).contains("Resuming generation 2").contains("articles/s").contains("caught up")
          .contains("Generation 2 is live");

      refresh();
      Map<String, Long> versions = versions();
      assertThat(versions).as("every article read again by the current classifier, once").containsOnlyKeys(current);
      assertThat(versions.get(current)).isEqualTo(ARTICLES);
      List<Hit<Map>> hits = search();
      assertThat(hits).allSatisfy(h -> assertThat(h.index()).startsWith("watchfloor-articles-g2-"));
      Map<?, ?> copy = hits.stream().filter(h -> h.id().equals(raws.get(1).id())).findFirst().orElseThrow().source();
      assertThat(copy.get("story_id")).as("story kept").isEqualTo(raws.get(0).id());
      // nothing was written to Kafka: no enriched record, no alert
      assertThat(ends(kafka, Topics.ENRICHED)).isEqualTo(enrichedBefore);
      assertThat(ends(kafka, Topics.ALERTS)).isEqualTo(alertsBefore);

      // the live indexer writes to the new generation now
      RawArticle fresh = synthetic.article(ARTICLES + 1);
      EnrichedArticle live = new EnrichedArticle(EnrichedArticle.VERSION, fresh, "en", List.of(), List.of(), null,
          List.of(), 2L, fresh.id(), null, Instant.now(), current);
      producer.send(new ProducerRecord<>(Topics.ENRICHED, fresh.id().getBytes(StandardCharsets.UTF_8),
          Json.write(live)));
      producer.flush();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        refresh();
        assertThat(search()).filteredOn(h -> h.id().equals(fresh.id()))
            .singleElement().satisfies(h -> assertThat(h.index()).startsWith("watchfloor-articles-g2-"));
      });
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Hit<Map>> search() throws Exception {
    return client.search(s -> s.index(IndexNames.ARTICLES).size(500), Map.class).hits().hits();
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Long> versions() throws Exception {
    return search().stream().collect(Collectors.groupingBy(
        h -> String.valueOf(((Map) h.source()).get("classifier_version")), Collectors.counting()));
  }

  private static void refresh() throws Exception {
    client.indices().refresh(r -> r.index(IndexNames.ARTICLES + "-*"));
  }

  private static Map<TopicPartition, Long> ends(String kafka, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
      var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      partitions.forEach(p -> ask.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> out = new HashMap<>();
      admin.listOffsets(ask).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String kafka) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    p.put("acks", "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
