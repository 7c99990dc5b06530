package org.watchfloor.desk.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.desk.query.ArticleRows;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.SchemaException;
import org.watchfloor.model.Topics;

/**
 * Reads the enriched and alert topics from their ends (read-committed, its own partitions, no consumer group, nothing
 * committed) and publishes each record to the hub. Every desk instance runs one, so instances need no coordination.
 */
public final class LiveReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveReader.class);
  private static final int STORIES_KEPT = 20_000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LiveHub hub;
  private final Thread thread;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final AtomicLong skipped = new AtomicLong();
  private volatile boolean running = true;
  /** Articles per story seen live by this instance, the most recently used stories kept. */
  private final Map<String, Long> storySizes = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > STORIES_KEPT;
    }
  };

  public LiveReader(Properties kafka, LiveHub hub) {
    this.hub = hub;
    Properties p = new Properties();
    p.putAll(kafka);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-desk-live-" + UUID.randomUUID().toString().substring(0, 8));
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "desk-live-reader");
    this.thread.setDaemon(true);
  }

  /** Starts reading from the current end of both topics; returns once the positions are taken. */
  public LiveReader start() {
    thread.start();
    try {
      if (!assigned.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the desk could not reach Kafka to read the live topics within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  private void run() {
    try {
      List<TopicPartition> parts = new ArrayList<>();
      for (String topic : List.of(Topics.ENRICHED, Topics.ALERTS)) {
        for (PartitionInfo pi : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
          parts.add(new TopicPartition(topic, pi.partition()));
        }
      }
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position);
      assigned.countDown();
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          handle(r);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("The desk's live reader stopped", e);
    } finally {
      assigned.countDown();
      consumer.close(Duration.ofSeconds(2));
    }
  }

  void handle(ConsumerRecord<byte[], byte[]> r) {
    try {
      if (Topics.ENRICHED.equals(r.topic())) {
        EnrichedArticle a = Json.read(r.value(), EnrichedArticle.class);
        long size;
        synchronized (storySizes) {
          size = a.storyId() == null ? 1 : storySizes.merge(a.storyId(), 1L, Long::sum);
        }
        Map<String, Object> row = ArticleRows.row(a, size);
        row.put("record_time", r.timestamp());
        hub.publish(new LiveHub.Event("article", Json.writeString(row), a, r.timestamp()));
      } else {
        Alert alert = Json.read(r.value(), Alert.class);
        Map<String, Object> row = ArticleRows.alert(alert);
        row.put("record_time", r.timestamp());
        hub.publish(new LiveHub.Event("alert", Json.writeString(row), null, r.timestamp()));
      }
    } catch (SchemaException | IllegalArgumentException e) {
      // the stages send such records to the dead letters; the desk only shows what it can read
      skipped.incrementAndGet();
      LOG.debug("Live record {}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
    }
  }

  /** Records that could not be read and were left out of the stream. */
  public long skipped() {
    return skipped.get();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
