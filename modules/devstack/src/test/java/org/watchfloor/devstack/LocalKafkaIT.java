package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Topics;

class LocalKafkaIT {

  @Test
  void createsEveryTopicProducesConsumesAndDeletesItsDataOnClose() throws Exception {
    Path dataDir;
    try (LocalKafka kafka = LocalKafka.start()) {
      dataDir = kafka.dataDir();
      assertThat(dataDir).isDirectory();

      kafka.createTopics(3);
      kafka.createTopics(3); // idempotent

      Set<String> names = kafka.admin().listTopics().names().get();
      assertThat(names).containsAll(Topics.ALL);
      ConfigResource rules = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RULES);
      ConfigEntry policy = kafka.admin().describeConfigs(List.of(rules)).all().get().get(rules).get("cleanup.policy");
      assertThat(policy.value()).isEqualTo("compact");
      assertThat(kafka.admin().describeTopics(List.of(Topics.RAW)).allTopicNames().get().get(Topics.RAW).partitions())
          .hasSize(3);

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.RAW, "article-1", "hello watchfloor")).get();
      }

      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-it",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(Topics.RAW));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
          return !seen.isEmpty();
        });
      }
      assertThat(seen).singleElement().satisfies(r -> {
        assertThat(r.key()).isEqualTo("article-1");
        assertThat(r.value().getBytes(StandardCharsets.UTF_8)).asString().isEqualTo("hello watchfloor");
      });
    }
    assertThat(Files.exists(dataDir)).isFalse();
  }

  @Test
  void keepsRecordsWhenRestartedOnTheCallersDataDir(@TempDir Path dir) throws Exception {
    try (LocalKafka kafka = LocalKafka.start(dir, Map.of("log.retention.hours", "1"))) {
      kafka.createTopic("restart-test", 1, Map.of());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("restart-test", "k", "kept")).get();
      }
    }
    assertThat(dir).isNotEmptyDirectory();

    try (LocalKafka kafka = LocalKafka.start(dir, Map.of())) {
      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "restart-it",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("restart-test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
          return !values.isEmpty();
        });
      }
      assertThat(values).containsExactly("kept");
    }
  }
}
