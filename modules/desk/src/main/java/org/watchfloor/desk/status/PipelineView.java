package org.watchfloor.desk.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;

/**
 * The pipeline as Kafka sees it: each stage's consumer group with its members and lag, each topic's size and rate,
 * and the latest dead letters with their reasons.
 */
public final class PipelineView implements AutoCloseable {
  /** The largest dead-letter payload the desk shows; the rest is cut. */
  public static final int MAX_PAYLOAD_SHOWN = 64 * 1024;

  private final Admin admin;
  private final Properties kafka;
  private Map<String, Long> lastEnds = Map.of();
  private Instant lastAt;

  public PipelineView(Properties kafka) {
    this.kafka = kafka;
    this.admin = Admin.create(kafka);
  }

  /** Stages (consumer groups named watchfloor*) and topics: {@code {stages: [...], topics: [...]}}. */
  public synchronized Map<String, Object> status(Instant now) throws Exception {
    List<Map<String, Object>> stages = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
      if (g.groupId().startsWith("watchfloor")) {
        groups.add(g.groupId());
      }
    }
    java.util.Collections.sort(groups);
    Map<String, ConsumerGroupDescription> described = groups.isEmpty() ? Map.of()
        : admin.describeConsumerGroups(groups).all().get(5, TimeUnit.SECONDS);
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
      long lag = 0;
      for (var e : committed.entrySet()) {
        if (e.getValue() != null && ends.containsKey(e.getKey())) {
          lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        }
      }
      ConsumerGroupDescription d = described.get(group);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", group);
      m.put("state", d == null ? "UNKNOWN" : String.valueOf(d.groupState()));
      int members = d == null ? 0 : d.members().size();
      m.put("members", members);
      m.put("healthy", members > 0);
      m.put("lag", lag);
      stages.add(m);
    }
    Map<TopicPartition, OffsetSpec> topicEnds = new HashMap<>();
    var descriptions = admin.describeTopics(Topics.ALL).allTopicNames().get(5, TimeUnit.SECONDS);
    descriptions.forEach((name, td) -> td.partitions().forEach(p ->
        topicEnds.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
        admin.listOffsets(topicEnds).all().get(5, TimeUnit.SECONDS);
    Map<String, Long> sums = new LinkedHashMap<>();
    Topics.ALL.forEach(t -> sums.put(t, 0L));
    offsets.forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
    List<Map<String, Object>> topics = new ArrayList<>();
    double seconds = lastAt == null ? 0 : Math.max(0.001, Duration.between(lastAt, now).toMillis() / 1000.0);
    for (var e : sums.entrySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("topic", e.getKey());
      m.put("records", e.getValue());
      Long before = lastEnds.get(e.getKey());
      // offsets include transaction markers, so the rate is an upper bound under exactly-once
      m.put("rate", before == null || seconds == 0 ? null : Math.round((e.getValue() - before) / seconds * 10) / 10.0);
      topics.add(m);
    }
    lastEnds = sums;
    lastAt = now;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stages", stages);
    out.put("topics", topics);
    return out;
  }

  /** The newest dead letters (at most {@code limit} per partition), newest first, each with its reason. */
  public List<Map<String, Object>> deadLetters(int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    Properties p = new Properties();
    p.putAll(kafka);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(Topics.DEAD_LETTERS, Duration.ofSeconds(5)).stream()
          .map(pi -> new TopicPartition(Topics.DEAD_LETTERS, pi.partition())).toList();
      c.assign(parts);
      Map<TopicPartition, Long> ends = c.endOffsets(parts);
      Map<TopicPartition, Long> begins = c.beginningOffsets(parts);
      for (TopicPartition tp : parts) {
        c.seek(tp, Math.max(begins.get(tp), ends.get(tp) - limit));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
            out.add(describe(r));
          }
        }
      }
    }
    out.sort((a, b) -> Long.compare((Long) b.get("timestamp"), (Long) a.get("timestamp")));
    return out;
  }

  private static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.partition() + "-" + r.offset());
    m.put("timestamp", r.timestamp());
    m.put("time", Instant.ofEpochMilli(r.timestamp()).toString());
    m.put("stage", DeadLetters.header(r.headers(), DeadLetters.STAGE));
    m.put("reason", DeadLetters.header(r.headers(), DeadLetters.MESSAGE));
    m.put("error_class", DeadLetters.header(r.headers(), DeadLetters.CLASS));
    m.put("origin_topic", DeadLetters.header(r.headers(), DeadLetters.ORIGIN_TOPIC));
    m.put("url", DeadLetters.header(r.headers(), DeadLetters.ORIGIN_URL));
    m.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
    byte[] v = r.value() == null ? new byte[0] : r.value();
    String text = new String(v, 0, Math.min(v.length, MAX_PAYLOAD_SHOWN), StandardCharsets.UTF_8);
    m.put("payload", text);
    m.put("payload_bytes", v.length);
    return m;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
