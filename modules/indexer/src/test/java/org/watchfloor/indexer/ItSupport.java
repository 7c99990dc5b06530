package org.watchfloor.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.StageContext;

/** Shared plumbing of the indexer's integration tests: the local stack, a producer, contexts and counts. */
final class ItSupport {
  private ItSupport() {}

  static DevStack stack() {
    return SharedStack.get();
  }

  static String runId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A stage context with its own consumer group and short backoff, so that tests do not share offsets. */
  static StageContext context(DevStack stack, String group, MeterRegistry registry) {
    Map<String, String> values = new HashMap<>();
    values.put("indexer.group", group);
    values.put("indexer.backoff.initial", "200ms");
    values.put("indexer.backoff.max", "2s");
    return new StageContext(Settings.of(values, Path.of(".")), stack.kafka().bootstrapServers(),
        stack.elasticsearch().url(), registry == null ? new SimpleMeterRegistry() : registry);
  }

  static KafkaProducer<byte[], byte[]> producer(DevStack stack) {
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    p.put("acks", "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  static ElasticsearchClient client(DevStack stack) {
    return EsClients.create(Settings.of(Map.of(), Path.of(".")), stack.elasticsearch().url());
  }

  /** Documents in {@code index} whose {@code field} starts with {@code prefix}, after a refresh. */
  static long count(ElasticsearchClient client, String index, String field, String prefix) throws Exception {
    client.indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
    return client.count(c -> c.index(index).ignoreUnavailable(true).allowNoIndices(true)
        .query(q -> q.prefix(p -> p.field(field).value(prefix)))).count();
  }

  /** Every dead letter the indexer wrote whose key starts with {@code prefix}. */
  static List<ConsumerRecord<byte[], byte[]>> deadLetters(DevStack stack, String prefix) {
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + runId());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(Topics.DEAD_LETTERS));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
          if (key.startsWith(prefix) && "indexer".equals(DeadLetters.header(r.headers(), DeadLetters.STAGE))) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }
}
