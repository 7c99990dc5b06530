package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.watchfloor.app.bench.RateLimiter;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.devstack.LocalKafkaCluster;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;

/**
 * Scenario 3: a three-node KRaft cluster, acks=all and min.insync.replicas=2; the leader of a partition is stopped
 * under load. Every article the producer saw acknowledged must be readable afterwards, and none twice.
 */
class BrokerLossIT {
  private static final String TOPIC = "fault.broker-loss.v1";

  @Test
  void noAcknowledgedArticleIsLostWhenOneOfThreeBrokersDiesUnderLoad() throws Exception {
    String run = Faults.runId("broker-loss");
    int total = Faults.longRun() ? 6000 : 1500;
    int rate = Faults.longRun() ? 200 : 150;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicLong failed = new AtomicLong();
    Map<String, Integer> seen = Faults.newCounts();
    try (LocalKafkaCluster cluster = LocalKafka.startCluster(3)) {
      cluster.createTopic(TOPIC, 3, Map.of("min.insync.replicas", "2"));
      int victim = cluster.admin().describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
          .partitions().get(0).leader().id();
      SyntheticArticles articles = new SyntheticArticles(run, 0, 5);
      try (KafkaProducer<byte[], byte[]> producer = producer(cluster.bootstrapServers())) {
        RateLimiter limiter = new RateLimiter(rate);
        for (int i = 0; i < total; i++) {
          limiter.acquire();
          RawArticle a = articles.article(i);
          producer.send(new ProducerRecord<>(TOPIC, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)),
              (meta, error) -> {
                if (error == null) {
                  acknowledged.add(a.id());
                } else {
                  failed.incrementAndGet();
                }
              });
          if (i == total / 3) {
            cluster.stopBroker(victim);
          }
        }
        producer.flush();
      }
      assertThat(cluster.isRunning(victim)).isFalse();
      try (KafkaConsumer<byte[], byte[]> reader = Faults.committedReader(cluster.bootstrapServers(), TOPIC)) {
        Faults.waitUntil(Duration.ofSeconds(120), () -> {
          Faults.drain(reader, run, seen);
          return seen.keySet().containsAll(acknowledged);
        });
        Faults.drainFor(reader, run, seen, Duration.ofSeconds(3));
      }
    }
    Faults.Verdict v = Faults.Verdict.of("broker-loss", acknowledged, seen).print();
    assertThat(v.lost()).isZero();
    assertThat(v.duplicated()).isZero();
    // with two of three replicas in sync, acks=all keeps being granted: the producer should not have given up
    assertThat(acknowledged).hasSize(total);
    assertThat(failed.get()).isZero();
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
