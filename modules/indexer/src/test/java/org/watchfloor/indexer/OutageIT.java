package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.Stage;

class OutageIT {
  private static final DevStack STACK = ItSupport.stack();

  @AfterAll
  static void nodeIsBackForOtherTests() {
    if (!STACK.elasticsearch().isRunning()) {
      STACK.elasticsearch().restart();
    }
  }

  @Test
  void indexerWaitsOutAnOutageAndCatchesUpWithNothingLostOrDuplicated() throws Exception {
    String run = "outage-" + ItSupport.runId() + "-";
    String group = "it-" + run;
    ElasticsearchClient client = ItSupport.client(STACK);
    try (KafkaProducer<byte[], byte[]> producer = ItSupport.producer(STACK);
        Stage stage = IndexerApp.create(ItSupport.context(STACK, group, new SimpleMeterRegistry()))) {
      stage.start();
      for (int i = 0; i < 50; i++) {
        send(producer, run + i);
      }
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", run)).isEqualTo(50));

      STACK.elasticsearch().stop();
      for (int i = 50; i < 150; i++) {
        send(producer, run + i);
      }
      for (int i = 40; i < 60; i++) {
        send(producer, run + i);  // re-deliveries across the outage
      }
      // while the node is down, the indexer must not commit past what it could not write
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
          .until(() -> committed(group) < endOffsets());

      STACK.elasticsearch().restart();

      await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
          assertThat(ItSupport.count(client, IndexNames.ARTICLES, "article_id", run)).isEqualTo(150));
      await().atMost(Duration.ofSeconds(30)).until(() -> committed(group) == endOffsets());
      assertThat(ItSupport.deadLetters(STACK, run)).isEmpty();
    } finally {
      EsClients.close(client);
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String id) throws Exception {
    ItSupport.send(producer, Topics.ENRICHED, id, Json.write(
        Articles.article(id, Instant.now(), "Outage " + id, 55, List.of("PRK", "USA"), List.of("sanctions"))));
  }

  private static long committed(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        STACK.kafka().admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.ENRICHED))
        .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
  }

  private static long endOffsets() throws Exception {
    var partitions = STACK.kafka().admin().describeTopics(List.of(Topics.ENRICHED)).allTopicNames().get()
        .get(Topics.ENRICHED).partitions();
    Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> spec = new java.util.HashMap<>();
    partitions.forEach(p -> spec.put(new TopicPartition(Topics.ENRICHED, p.partition()),
        org.apache.kafka.clients.admin.OffsetSpec.latest()));
    return STACK.kafka().admin().listOffsets(spec).all().get().values().stream()
        .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
  }
}
