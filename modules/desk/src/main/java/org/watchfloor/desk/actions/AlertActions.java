package org.watchfloor.desk.actions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.rules.SilenceSpec;
import org.watchfloor.desk.live.LiveHub;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;

/**
 * Acknowledge, snooze and silence. Acknowledgements and snoozes go to the compacted {@link Topics#DESK_ACTIONS},
 * which every desk instance reads from the start, so all instances show the same state; a silence goes to
 * {@link Topics#RULES} as {@code silence/<id>}, where the alerting stage picks it up without a restart.
 */
public final class AlertActions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertActions.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,200}");
  /** The longest snooze or silence the desk sets. */
  public static final Duration MAX_PERIOD = Duration.ofDays(30);

  /** One alert's desk state: acknowledged, or snoozed until a time. */
  public record State(String alertId, String state, Instant until, Instant at) {}

  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final LiveHub hub;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean running = true;

  public AlertActions(Properties kafka, LiveHub hub) {
    this.hub = hub;
    Properties pp = new Properties();
    pp.putAll(kafka);
    pp.remove(ConsumerConfig.GROUP_ID_CONFIG);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    pp.put(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-desk-actions-" + UUID.randomUUID().toString().substring(0, 8));
    producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
    Properties cp = new Properties();
    cp.putAll(kafka);
    cp.remove(ConsumerConfig.GROUP_ID_CONFIG);
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    thread = new Thread(this::run, "desk-actions-reader");
    thread.setDaemon(true);
  }

  /** Starts reading the actions topic from its beginning; returns once it has read what was there. */
  public AlertActions start() {
    thread.start();
    try {
      caughtUp.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  private void run() {
    try {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo pi : consumer.partitionsFor(Topics.DESK_ACTIONS, Duration.ofSeconds(30))) {
        parts.add(new TopicPartition(Topics.DESK_ACTIONS, pi.partition()));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          apply(r);
        }
        if (caughtUp.getCount() > 0 && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey())
            >= e.getValue())) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("The desk's actions reader stopped", e);
    } finally {
      caughtUp.countDown();
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> r) {
    if (r.key() == null) {
      return;
    }
    String id = new String(r.key(), StandardCharsets.UTF_8);
    if (r.value() == null) {
      states.remove(id);
      return;
    }
    try {
      State s = Json.MAPPER.readValue(r.value(), State.class);
      states.put(id, s);
      hub.publish(new LiveHub.Event("action", Json.writeString(s), null, r.timestamp()));
    } catch (java.io.IOException e) {
      LOG.warn("Desk action for alert {} skipped: not a desk action record", id);
    }
  }

  /** The desk state of each alert that has one. */
  public Map<String, State> states() {
    return Map.copyOf(states);
  }

  /** Marks the alert acknowledged for every desk. */
  public State acknowledge(String alertId, Instant now) {
    return send(new State(checkId(alertId, "alert id"), "acknowledged", null, now));
  }

  /** Hides the alert from the inbox until {@code now + period}. */
  public State snooze(String alertId, Duration period, Instant now) {
    checkPeriod(period);
    return send(new State(checkId(alertId, "alert id"), "snoozed", now.plus(period), now));
  }

  /** Mutes rule {@code ruleId} (for key {@code key}, or every key when null) for {@code period}. */
  public SilenceSpec silence(String ruleId, String key, Duration period, Instant now) {
    checkId(ruleId, "rule id");
    if (key != null) {
      checkId(key.replace('>', '.'), "key");
    }
    checkPeriod(period);
    String id = ruleId + "-" + (key == null ? "all" : key.replace('>', '.')) + "-" + now.toEpochMilli();
    SilenceSpec s = new SilenceSpec(id, ruleId, key, now.plus(period), "silenced from the desk");
    sendRecord(new ProducerRecord<>(Topics.RULES, s.topicKey().getBytes(StandardCharsets.UTF_8), Json.write(s)));
    LOG.info("Rule {} silenced for key {} until {}", ruleId, key == null ? "*" : key, s.until());
    return s;
  }

  private State send(State s) {
    sendRecord(new ProducerRecord<>(Topics.DESK_ACTIONS, s.alertId().getBytes(StandardCharsets.UTF_8),
        Json.write(s)));
    states.put(s.alertId(), s);
    return s;
  }

  private void sendRecord(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while saving the action");
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the action within 10 s; nothing was changed");
    }
  }

  private static String checkId(String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be 1-200 letters, digits, '_', '.', ':' or '-'");
    }
    return id;
  }

  private static void checkPeriod(Duration period) {
    if (period == null || period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("the period must be between 1 minute and 30 days");
    }
  }

  /** A summary for the inbox: state, until. */
  public static Map<String, Object> describe(State s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", s.state());
    m.put("until", s.until() == null ? null : s.until().toString());
    return m;
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
    producer.close(Duration.ofSeconds(5));
  }
}
