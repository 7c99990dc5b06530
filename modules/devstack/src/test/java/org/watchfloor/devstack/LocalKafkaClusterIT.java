package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

class LocalKafkaClusterIT {

  @Test
  void keepsServingWhenOneOfThreeBrokersStops() throws Exception {
    try (LocalKafkaCluster cluster = LocalKafka.startCluster(3)) {
      cluster.createTopics(3);
      assertThat(cluster.admin().describeTopics(List.of(Topics.RAW)).allTopicNames().get().get(Topics.RAW)
          .partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.RAW, "before", "1")).get();
        cluster.stopBroker(2);
        assertThat(cluster.isRunning(2)).isFalse();
        producer.send(new ProducerRecord<>(Topics.RAW, "during", "2")).get();
        cluster.startBroker(2);
        producer.send(new ProducerRecord<>(Topics.RAW, "after", "3")).get();
      }

      List<String> keys = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "cluster-it",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(Topics.RAW));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
          return keys.size() >= 3;
        });
      }
      assertThat(keys).containsExactlyInAnyOrder("before", "during", "after");
    }
  }
}
