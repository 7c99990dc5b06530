package org.watchfloor.bench.fault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every fault scenario shares: run ids, scale, clients, counting by key, and the one verdict line. */
final class Faults {
  private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

  private Faults() {}

  /** True under {@code -Pfaults}: longer outages and more load. */
  static boolean longRun() {
    return Boolean.getBoolean("watchfloor.faults.long");
  }

  static Duration scaled(Duration quick, Duration longer) {
    return longRun() ? longer : quick;
  }

  static String runId(String scenario) {
    return scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The repository's config folder (actors, topics, tension for the classifier). */
  static Path configDir() {
    return Path.of(System.getProperty("watchfloor.config", "../../config")).toAbsolutePath().normalize();
  }

  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A read_committed consumer from the earliest offset in a group of its own. */
  static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
    KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  /** Polls once and counts records whose key starts with {@code prefix}. */
  static void drain(KafkaConsumer<byte[], byte[]> consumer, String prefix, Map<String, Integer> seen) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      String key = key(r);
      if (key.startsWith(prefix)) {
        seen.merge(key, 1, Integer::sum);
      }
    }
  }

  /** Keeps draining for {@code quiet} so that a late duplicate has time to show up. */
  static void drainFor(KafkaConsumer<byte[], byte[]> consumer, String prefix, Map<String, Integer> seen,
      Duration quiet) {
    long until = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < until) {
      drain(consumer, prefix, seen);
    }
  }

  static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
  }

  /** The counts of one scenario, printed as the single verdict line. */
  record Verdict(String name, long sent, long delivered, long lost, long duplicated) {
    boolean passed() {
      return lost == 0 && duplicated == 0;
    }

    String line() {
      return String.format("fault %s: sent=%d delivered=%d lost=%d duplicated=%d verdict=%s", name, sent, delivered,
          lost, duplicated, passed() ? "PASS" : "FAIL");
    }

    /** From the expected keys and how often each was seen. */
    static Verdict of(String name, java.util.Collection<String> expected, Map<String, Integer> seen) {
      long lost = expected.stream().filter(k -> !seen.containsKey(k)).count();
      long duplicated = seen.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
      long delivered = seen.keySet().stream().filter(expected::contains).count();
      return new Verdict(name, expected.size(), delivered, lost, duplicated);
    }

    Verdict print() {
      System.out.println(line());
      LOG.info("{}", line());
      return this;
    }
  }

  /**
   * Polls {@code condition} until it holds or {@code timeout} passes; unlike Awaitility it returns instead of
   * throwing, so that a scenario that times out still prints its verdict line with the counts it reached.
   */
  static boolean waitUntil(Duration timeout, java.util.concurrent.Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Boolean.TRUE.equals(condition.call())) {
        return true;
      }
      java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
    }
    LOG.warn("Condition not met within {}", timeout);
    return Boolean.TRUE.equals(condition.call());
  }

  /**
   * Closes a stage on a daemon thread and gives up after {@code timeout}, so that a stage stuck in close (the
   * indexer's BulkIngester can deadlock after an Elasticsearch outage) fails the scenario instead of hanging the build.
   */
  static boolean closeWithin(AutoCloseable stage, Duration timeout) throws InterruptedException {
    Thread t = new Thread(() -> {
      try {
        stage.close();
      } catch (Exception e) {
        LOG.warn("Stage did not close cleanly", e);
      }
    }, "fault-close");
    t.setDaemon(true);
    t.start();
    t.join(timeout.toMillis());
    if (t.isAlive()) {
      LOG.error("Stage still closing after {}; left behind. Its threads:\n{}", timeout, stackOf(t));
      return false;
    }
    return true;
  }

  private static String stackOf(Thread t) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement e : t.getStackTrace()) {
      sb.append("  at ").append(e).append('\n');
    }
    return sb.toString();
  }

  /**
   * A syndicated copy of {@code a}: the same text under another id and address, published a minute later, as wire
   * stories are republished.
   */
  static org.watchfloor.model.RawArticle copyOf(org.watchfloor.model.RawArticle a, String id) {
    return new org.watchfloor.model.RawArticle(a.schemaVersion(), id, a.url() + "-copy", null, a.source() + "-copy",
        a.region(), a.tags(), a.title(), a.text(), a.authors(),
        a.published() == null ? null : a.published().plusSeconds(60), a.modified(), a.fetchedAt(), a.languageHint(),
        a.leadImage(), a.siteName(), a.contentSource());
  }

  /** The latest story update of each article whose id starts with {@code prefix}. */
  static void drainStories(KafkaConsumer<byte[], byte[]> consumer, String prefix,
      Map<String, org.watchfloor.model.StoryUpdate> stories) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      if (key(r).startsWith(prefix) && r.value() != null) {
        stories.put(key(r), org.watchfloor.model.Json.read(r.value(), org.watchfloor.model.StoryUpdate.class));
      }
    }
  }

  /**
   * The copies (ids ending in {@code -copy}) that are not in their original's story: a copy's latest update must name
   * the story its original is in, which is the original's own id unless the original was found to copy an earlier
   * article (synthetic articles share one vocabulary, so some lie within the distance of each other).
   */
  static List<String> ungrouped(java.util.Collection<String> copies,
      Map<String, org.watchfloor.model.StoryUpdate> stories) {
    List<String> wrong = new java.util.ArrayList<>();
    for (String copy : copies) {
      org.watchfloor.model.StoryUpdate u = stories.get(copy);
      String original = copy.substring(0, copy.length() - "-copy".length());
      org.watchfloor.model.StoryUpdate o = stories.get(original);
      String story = o == null ? original : o.storyId();
      if (u == null || !story.equals(u.storyId())) {
        wrong.add(copy);
      }
    }
    return wrong;
  }

  static Map<String, Integer> newCounts() {
    return new java.util.concurrent.ConcurrentHashMap<>(new HashMap<>());
  }
}
