package org.watchfloor.feeds.poll;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Json;
import org.watchfloor.model.SchemaException;
import org.watchfloor.model.Topics;

/**
 * Reads the compacted feed-state topic back into memory: committed states only ({@code read_committed}), and up to
 * the high watermark of every partition as it stood when loading began, not merely the last stable offset.
 *
 * <p>Why both: the states are written in transactions, so a state of an aborted poll must not be loaded (its entries
 * were never emitted); and a {@code read_committed} consumer's end offset is the last stable offset, which stops at the
 * first transaction still open, so states committed after it would be silently left out. Reading on until the
 * position passes the high watermark waits for such transactions to end, and counts their markers as read.
 */
final class FeedStateLoader {
  private static final Logger LOG = LoggerFactory.getLogger(FeedStateLoader.class);

  private FeedStateLoader() {}

  /**
   * The latest committed state of every source whose sources-topic partition {@code owned} accepts.
   *
   * @param consumerBase consumer properties (bootstrap, security); group settings are ignored
   * @param sourcePartitions partitions of the sources topic, to map a state's key to its source's partition
   * @param owned which sources partitions to load
   * @param timeout how long to wait for transactions still open (the broker aborts a stale one after the producer's
   *     {@code transaction.timeout.ms})
   */
  static Map<String, FeedState> load(Properties consumerBase, int sourcePartitions, IntPredicate owned,
                                     Duration timeout) {
    Properties committed = readerProperties(consumerBase, "read_committed");
    Map<String, FeedState> found = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> reader =
             new KafkaConsumer<>(committed, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : reader.partitionsFor(Topics.FEED_STATE)) {
        parts.add(new TopicPartition(info.topic(), info.partition()));
      }
      Map<TopicPartition, Long> end = highWatermarks(consumerBase, parts);
      reader.assign(parts);
      reader.seekToBeginning(parts);
      while (!caughtUp(reader, end)) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("could not read the feed state (" + Topics.FEED_STATE + ") to its end within "
              + timeout.toSeconds() + " s: a transaction on it stays open (read up to " + positions(reader, end)
              + " of " + end + ")");
        }
        for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          if (sourcePartitions > 0 && !owned.test(FeedPoller.partitionOf(r.key(), sourcePartitions))) {
            continue;
          }
          String name = new String(r.key(), StandardCharsets.UTF_8);
          if (r.value() == null) {
            found.remove(name);
            continue;
          }
          try {
            found.put(name, Json.read(r.value(), FeedState.class));
          } catch (SchemaException e) {
            LOG.warn("Ignoring unreadable feed state of {}: {}", name, e.getMessage());
          }
        }
      }
    }
    return found;
  }

  /** The end offsets every reader would see without isolation: records, aborted ones and markers included. */
  static Map<TopicPartition, Long> highWatermarks(Properties consumerBase, List<TopicPartition> parts) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(readerProperties(consumerBase, "read_uncommitted"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return c.endOffsets(parts);
    }
  }

  private static Properties readerProperties(Properties base, String isolation) {
    Properties p = new Properties();
    p.putAll(base);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    return p;
  }

  private static boolean caughtUp(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (reader.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Map<TopicPartition, Long> positions(KafkaConsumer<byte[], byte[]> reader,
                                                     Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> at = new HashMap<>();
    end.keySet().forEach(tp -> at.put(tp, reader.position(tp)));
    return at;
  }

  /** The partitions of the sources topic, or 0 when unknown. */
  static int sourcePartitions(KafkaConsumer<?, ?> any) {
    List<PartitionInfo> info = any.partitionsFor(Topics.SOURCES);
    return info == null ? 0 : info.size();
  }
}
