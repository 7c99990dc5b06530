package org.watchfloor.alerting.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.rules.ChannelSpec;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;

/**
 * Consumes committed alerts and delivers each to its channels once: an alert's offset is committed only after every
 * channel has a delivery record, and the delivery records of all instances are read back, so a restart or a takeover
 * skips what was already sent. Only a crash between a receiver's answer and the delivery record's write can repeat a
 * send, which the alert id sent as {@code Idempotency-Key} lets the receiver drop. Delivery records are written
 * asynchronously and flushed before each offset commit, so that window spans at most one poll's batch of alerts.
 */
public final class DeliveryWorker implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  public static final String STAGE = "alerting";

  private final Properties kafka;
  private final String groupId;
  private final String instance;
  private final Map<String, Channel> channels;
  private final RetryingSender sender;
  private final Counter delivered;
  private final Counter dead;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private volatile boolean closing;
  private volatile Exception failedWrite;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;
  private DeliveredIds settled;
  private KafkaProducer<byte[], byte[]> producer;

  public DeliveryWorker(Properties kafka, String groupId, String instance, Map<String, Channel> channels,
      RetryPolicy retry, MeterRegistry metrics) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.channels = Map.copyOf(channels);
    this.sender = new RetryingSender(Objects.requireNonNull(retry, "retry"), () -> closing);
    this.delivered = metrics.counter(Metrics.DELIVERED, "stage", STAGE);
    this.dead = metrics.counter(Metrics.DEAD_LETTERS, "stage", STAGE);
  }

  /** Starts the worker on its own thread. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new Thread(this, "watchfloor-alert-delivery-" + instance);
    thread.start();
  }

  @Override
  public void run() {
    try {
      settled = new DeliveredIds(kafka);
      settled.catchUp();
      producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
      consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(Topics.ALERTS), new Rebalance());
      LOG.info("Alert delivery {} started: {} channels, {} deliveries already recorded", instance, channels.size(),
          settled.size());
      while (!closing) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        settled.poll(Duration.ZERO);
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (closing) {
            break;
          }
          if (handle(r)) {
            pending.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          } else {
            break;
          }
        }
        commit();
      }
    } catch (WakeupException e) {
      if (!closing) {
        LOG.error("Alert delivery {} woken up unexpectedly", instance, e);
      }
    } catch (RuntimeException e) {
      LOG.error("Alert delivery {} stopped by an error", instance, e);
    } finally {
      shutdown();
      stopped.countDown();
    }
  }

  private void shutdown() {
    try {
      if (consumer != null) {
        commit();
      }
    } catch (RuntimeException e) {
      LOG.warn("Alert delivery {} could not commit on shutdown: {}", instance, e.getMessage());
    }
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (settled != null) {
      settled.close();
    }
  }

  /** Makes the delivery records durable, then commits the offsets they cover. */
  private void commit() {
    if (!pending.isEmpty()) {
      producer.flush();
      if (failedWrite != null) {
        throw new IllegalStateException("delivery records could not be written; offsets left uncommitted",
            failedWrite);
      }
      consumer.commitSync(new HashMap<>(pending));
      pending.clear();
    }
  }

  /** Delivers one alert to all its channels; false when stopping interrupted it, so its offset is not committed. */
  private boolean handle(ConsumerRecord<byte[], byte[]> r) {
    Alert alert;
    try {
      alert = Json.read(r.value(), Alert.class);
    } catch (RuntimeException e) {
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      LOG.warn("Unreadable alert {} sent to the dead letters: {}", key, e.getMessage());
      send(DeadLetters.record(STAGE, Topics.ALERTS, r.key(), r.value(), e, null));
      dead.increment();
      return true;
    }
    List<String> names = alert.channels().isEmpty() ? List.of(ChannelSpec.LOG) : alert.channels();
    for (String name : names) {
      if (settled.settled(alert.id(), name)) {
        LOG.debug("Alert {} already delivered to {}: skipped", alert.id(), name);
        continue;
      }
      RetryingSender.Outcome outcome = deliver(alert, name);
      if (outcome == null) {
        return false;
      }
      AlertDelivery record = new AlertDelivery(alert.id(), alert.ruleId(), name, outcome.channelType(),
          outcome.delivered() ? AlertDelivery.DELIVERED : AlertDelivery.FAILED, outcome.attempts(), outcome.error(),
          outcome.delivered() ? Instant.now() : null, instance);
      // not waited for one by one: flushed before the offset is committed (see commit())
      producer.send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, bytes(alert.id()), Json.write(record)),
          (meta, e) -> {
            if (e != null) {
              LOG.error("Delivery record of alert {} to {} not written", record.alertId(), record.channel(), e);
              failedWrite = e;
            }
          });
      settled.add(alert.id(), name);
      if (outcome.delivered()) {
        delivered.increment();
        LOG.debug("Alert {} delivered to {} after {} attempt(s)", alert.id(), name, outcome.attempts());
      } else {
        LOG.warn("Alert {} of rule {} undeliverable to {}: {}", alert.id(), alert.ruleId(), name, outcome.error());
        send(DeadLetters.record(STAGE, Topics.ALERTS, r.key(), r.value(), DeliveryException.class.getName(),
            "channel " + name + ": " + outcome.error() + " (" + outcome.attempts() + " attempts)", null));
        dead.increment();
      }
    }
    return true;
  }

  /** Tries a channel with backoff; null when the worker is stopping mid-way. */
  private RetryingSender.Outcome deliver(Alert alert, String name) {
    Channel channel = channels.get(name);
    if (channel == null) {
      return new RetryingSender.Outcome("unknown", 0, "no channel named '" + name + "' is configured");
    }
    return sender.send(channel, alert);
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    try {
      // synchronous: the record must be durable before the offset that it covers is committed
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + record.topic(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write to " + record.topic() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + instance);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
    return p;
  }

  private Properties producerProperties() {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-" + instance + "-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return p;
  }

  /** Commits what was delivered on partitions being taken away, and reads deliveries up to date on new ones. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata o = pending.remove(tp);
        if (o != null) {
          mine.put(tp, o);
        }
      }
      if (!mine.isEmpty()) {
        producer.flush();
        if (failedWrite == null) {
          consumer.commitSync(mine);
        }
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        settled.catchUp();
        LOG.info("Alert delivery {} took {} partition(s); {} deliveries recorded so far", instance, partitions.size(),
            settled.size());
      }
    }
  }

  /** Stops polling, commits what was delivered, and waits for the thread. */
  @Override
  public void close() {
    closing = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        if (!stopped.await(30, TimeUnit.SECONDS)) {
          LOG.warn("Alert delivery {} did not stop within 30 s", instance);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
