package org.watchfloor.alerting.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;

/**
 * The (alert id, channel) pairs already settled, read from the whole deliveries topic: every instance tails it, so the
 * one that takes over a partition knows what the previous owner delivered even if it died before committing.
 */
final class DeliveredIds implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveredIds.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> settled = ConcurrentHashMap.newKeySet();

  DeliveredIds(Properties kafka) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(Topics.ALERT_DELIVERIES, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(info.topic(), info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  static String key(String alertId, String channel) {
    return alertId + "|" + channel;
  }

  boolean settled(String alertId, String channel) {
    return settled.contains(key(alertId, channel));
  }

  void add(String alertId, String channel) {
    settled.add(key(alertId, channel));
  }

  int size() {
    return settled.size();
  }

  /** Reads the deliveries topic up to its current end, so that nothing recorded before now is missed. */
  void catchUp() {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
    Map<TopicPartition, Long> remaining = new HashMap<>(end);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
      if (remaining.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cannot read the deliveries topic to its end within 60 s");
      }
      poll(Duration.ofMillis(200));
    }
  }

  /** Takes in whatever other instances recorded since the last call, without waiting. */
  void poll(Duration timeout) {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
      if (r.value() == null) {
        continue;
      }
      try {
        AlertDelivery d = Json.MAPPER.readValue(r.value(), AlertDelivery.class);
        if (d.alertId() != null && d.channel() != null) {
          settled.add(key(d.alertId(), d.channel()));
        }
      } catch (java.io.IOException e) {
        LOG.warn("Unreadable delivery record for alert {} at offset {} skipped: {}", r.key(), r.offset(),
            e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
