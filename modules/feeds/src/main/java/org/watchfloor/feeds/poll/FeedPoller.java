package org.watchfloor.feeds.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.Json;
import org.watchfloor.model.SchemaException;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.ProducerTuning;
import org.watchfloor.runtime.Stage;

/**
 * The feeds stage's engine: joins a consumer group over the compacted sources topic, polls the sources of the
 * partitions assigned to it on a small thread pool, and publishes each poll's new entries, dead letter and state in one
 * Kafka transaction (one transactional producer per owned sources partition, {@link TransactionalPublisher}). On a
 * rebalance it stops the sources it loses (waiting for a poll in flight) and takes over new ones: it fences their
 * previous owner first, then loads their committed state ({@link FeedStateLoader}), so no source is polled by two
 * instances and nothing is emitted twice, even after a crash between any two writes.
 */
public final class FeedPoller implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  static final String STAGE = "feeds";

  /**
   * Tuning of the poller.
   *
   * @param groupId consumer group shared by all feeds instances
   * @param threads polling threads (fetches are I/O-bound, so more than cores)
   * @param startupJitter new sources are first polled at a random point within this window, spreading load
   */
  public record Options(String groupId, int threads, Duration startupJitter) {
    public static final Options DEFAULTS = new Options("watchfloor-feeds", 16, Duration.ofSeconds(10));

    public Options {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(startupJitter, "startupJitter");
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
    }
  }

  private final Properties kafka;
  private final SourcePoller poller;
  private final Options options;
  private final Counter entriesCounter;
  private final Counter deadLetterCounter;
  private final Map<String, SourceTask> tasks = new ConcurrentHashMap<>();
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private final Map<String, FeedState> loadedStates = new ConcurrentHashMap<>();
  private final Map<Integer, TransactionalPublisher> publishers = new ConcurrentHashMap<>();
  private final AtomicInteger polls = new AtomicInteger();
  private volatile boolean running;
  private volatile int sourcePartitionCount;
  private Thread consumerThread;
  private KafkaConsumer<byte[], byte[]> consumer;
  /** Dead letters of unreadable source records only; everything a poll writes goes through its publisher. */
  private KafkaProducer<byte[], byte[]> producer;
  private ScheduledThreadPoolExecutor scheduler;

  public FeedPoller(Properties kafka, SourcePoller poller, MeterRegistry metrics, Options options) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.poller = Objects.requireNonNull(poller, "poller");
    this.options = Objects.requireNonNull(options, "options");
    this.entriesCounter = metrics.counter(Metrics.ENTRIES, "stage", STAGE);
    this.deadLetterCounter = metrics.counter(Metrics.DEAD_LETTERS, "stage", STAGE);
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public synchronized void start() {
    if (running) {
      throw new IllegalStateException("already started");
    }
    producer = new KafkaProducer<>(producerProperties(kafka), new ByteArraySerializer(), new ByteArraySerializer());
    consumer = new KafkaConsumer<>(consumerProperties(kafka, options.groupId()), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    scheduler = new ScheduledThreadPoolExecutor(options.threads(), r -> {
      Thread t = new Thread(r, "feeds-poll-" + POOL_IDS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    running = true;
    consumerThread = new Thread(this::consumeSources, "feeds-sources");
    consumerThread.start();
    LOG.info("Feeds poller started: group {}, {} threads", options.groupId(), options.threads());
  }

  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  /** The names of the sources this instance polls now. */
  public Set<String> ownedSources() {
    return new TreeSet<>(tasks.keySet());
  }

  /** Polls done since start (for tests and the status line). */
  public int polls() {
    return polls.get();
  }

  private void consumeSources() {
    try {
      consumer.subscribe(List.of(Topics.SOURCES), new Rebalance());
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        // Within a batch only the latest record per source matters (reading a compacted topic from the start).
        Map<String, ConsumerRecord<byte[], byte[]>> latest = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          String k = r.key() == null ? "\u0000" + r.partition() + "@" + r.offset()
              : new String(r.key(), StandardCharsets.UTF_8);
          latest.remove(k);
          latest.put(k, r);
        }
        latest.values().forEach(this::onSourceRecord);
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("Feeds poller woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("Feeds poller's source consumer failed", e);
    } finally {
      stopTasks(new ArrayList<>(tasks.values()));
      flush();
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.warn("Closing the sources consumer failed: {}", e.toString());
      }
    }
  }

  private void onSourceRecord(ConsumerRecord<byte[], byte[]> r) {
    if (r.key() == null) {
      LOG.warn("Ignoring a source record without a key at {}-{}@{}", r.topic(), r.partition(), r.offset());
      return;
    }
    String name = new String(r.key(), StandardCharsets.UTF_8);
    if (!owned.contains(r.partition())) {
      return;
    }
    if (r.value() == null) {
      remove(name, r.key(), r.partition());
      return;
    }
    Source source;
    try {
      source = Json.MAPPER.readValue(r.value(), Source.class);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("Source record {} is unreadable: {}", name, e.toString());
      producer.send(DeadLetters.record(STAGE, Topics.SOURCES, r.key(), r.value(), e, null));
      deadLetterCounter.increment();
      return;
    }
    SourceTask existing = tasks.get(name);
    if (existing != null) {
      existing.source = source;
      return;
    }
    FeedState state = loadedStates.remove(name);
    SourceTask task = new SourceTask(source, state, r.partition());
    tasks.put(name, task);
    long delay = initialDelayMs(state);
    task.future = scheduler.schedule(task, delay, TimeUnit.MILLISECONDS);
    LOG.debug("Source {} taken on, first poll in {} ms", name, delay);
  }

  /**
   * Stops a source whose tombstone arrived and tombstones its feed state, so that nothing of it is left to load. Only
   * the instance owning the source's partition gets here, and it sends the state tombstone after the last state of a
   * poll in flight (same producer, same partition), so the tombstone is what compaction keeps.
   */
  private void remove(String name, byte[] key, int partition) {
    SourceTask gone = tasks.remove(name);
    if (gone != null) {
      stopTasks(List.of(gone));
    }
    // A stored state is loaded on assignment even for a source already removed (e.g. removed while no instance ran).
    boolean hadState = loadedStates.remove(name) != null;
    if (gone == null && !hadState) {
      return;
    }
    TransactionalPublisher publisher = publishers.get(partition);
    if (publisher == null || !publisher.publish(List.of(),
        List.of(new ProducerRecord<>(Topics.FEED_STATE, key, null)))) {
      LOG.error("Could not remove the state of source {}; it is removed again when its partition is next taken on",
          name);
    }
    LOG.info("Source {} removed: stopped polling it and removed its feed state", name);
  }

  private long initialDelayMs(FeedState state) {
    long jitter = options.startupJitter().isZero()
        ? 0 : ThreadLocalRandom.current().nextLong(options.startupJitter().toMillis());
    if (state == null || state.lastPolled() == null) {
      return jitter;
    }
    long due = state.lastPolled().toEpochMilli() + state.intervalMs() - Instant.now().toEpochMilli();
    return Math.max(0, due) + jitter;
  }

  /** Loads the committed state of every source in the given sources-topic partitions. */
  private void loadStates(Collection<TopicPartition> assigned) {
    Set<Integer> parts = new HashSet<>();
    assigned.forEach(tp -> parts.add(tp.partition()));
    int sourcePartitions = FeedStateLoader.sourcePartitions(consumer);
    sourcePartitionCount = sourcePartitions;
    Map<String, FeedState> found = FeedStateLoader.load(consumerProperties(kafka, null), sourcePartitions,
        parts::contains, STATE_LOAD_TIMEOUT);
    loadedStates.putAll(found);
    LOG.info("Took on sources partitions {}: loaded the state of {} sources", parts, found.size());
  }

  /** Longer than a producer's default transaction timeout (60 s), after which the broker aborts a stale one. */
  static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(3);

  /** The partition the default partitioner picks for a key, so states can be matched to sources partitions. */
  static int partitionOf(byte[] key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  private void stopTasks(Collection<SourceTask> stopping) {
    for (SourceTask t : stopping) {
      t.cancelled = true;
      ScheduledFuture<?> f = t.future;
      if (f != null) {
        f.cancel(false);
      }
    }
    for (SourceTask t : stopping) {
      // Waits for a poll in flight, so that its state is sent before another instance takes the source over.
      synchronized (t) {
        tasks.remove(t.source.name(), t);
      }
    }
  }

  private void flush() {
    try {
      producer.flush();
    } catch (RuntimeException e) {
      LOG.error("Flushing entries and feed state failed", e);
    }
  }

  /**
   * Queues one poll for its partition's next transaction; the future says whether it was committed (the state must
   * not advance otherwise). Null when this instance no longer owns the partition.
   */
  private java.util.concurrent.CompletableFuture<Boolean> publish(SourceTask task, PollResult result) {
    String name = task.source.name();
    byte[] key = name.getBytes(StandardCharsets.UTF_8);
    TransactionalPublisher publisher = publishers.get(task.partition);
    if (publisher == null) {
      return null;
    }
    List<ProducerRecord<byte[], byte[]>> entries = new ArrayList<>(result.entries().size());
    for (FeedEntry e : result.entries()) {
      byte[] hostKey = SourcePoller.hostKey(e.link()).getBytes(StandardCharsets.UTF_8);
      entries.add(new ProducerRecord<>(Topics.ENTRIES, hostKey, Json.write(e)));
    }
    List<ProducerRecord<byte[], byte[]>> rest = new ArrayList<>(2);
    PollResult.PollFailure f = result.failure();
    if (f != null) {
      byte[] payload = f.body() != null ? f.body() : Json.write(task.source);
      rest.add(DeadLetters.record(STAGE, Topics.SOURCES, key, payload, f.errorClass(),
          f.reason() + ": " + f.message(), f.url()));
    }
    rest.add(new ProducerRecord<>(Topics.FEED_STATE, key, Json.write(result.state())));
    return publisher.submit(entries, rest).thenApply(committed -> {
      if (!committed) {
        return false;
      }
      entriesCounter.increment(entries.size());
      if (f != null) {
        deadLetterCounter.increment();
        LOG.warn("Source {} failed ({}), next poll in {}s: {}", name, f.reason(), result.nextDelay().toSeconds(),
            f.message());
      } else if (!result.entries().isEmpty()) {
        LOG.debug("Source {}: {} new entries, next poll in {}s", name, result.entries().size(),
            result.nextDelay().toSeconds());
      }
      return true;
    });
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      t = consumerThread;
    }
    consumer.wakeup();
    try {
      t.join(TimeUnit.SECONDS.toMillis(90));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Feed polling threads did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
    closePublishers(new ArrayList<>(publishers.keySet()));
    LOG.info("Feeds poller stopped after {} polls", polls.get());
  }

  private void closePublishers(Collection<Integer> parts) {
    for (Integer part : parts) {
      TransactionalPublisher p = publishers.remove(part);
      if (p != null) {
        p.close();
      }
    }
  }

  /** A poll's failed transaction is retried no sooner than this, with the same state, so nothing is lost. */
  static final Duration RETRY_AFTER_FAILED_PUBLISH = Duration.ofSeconds(5);

  static Properties producerProperties(Properties base) {
    Properties p = new Properties();
    p.putAll(base);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    ProducerTuning.apply(p);
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-feeds-" + PRODUCER_IDS.incrementAndGet());
    return p;
  }

  private static final AtomicInteger PRODUCER_IDS = new AtomicInteger();

  static Properties consumerProperties(Properties base, String groupId) {
    Properties p = new Properties();
    base.forEach((k, v) -> {
      // producer-only settings would only produce warnings in a consumer
      if (!String.valueOf(k).startsWith("linger") && !String.valueOf(k).startsWith("acks")) {
        p.put(k, v);
      }
    });
    if (groupId != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    } else {
      p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.remove(ConsumerConfig.CLIENT_ID_CONFIG);
    return p;
  }

  /** Takes sources on and off as the group assigns and revokes sources-topic partitions. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      release(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      release(partitions, "lost");
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      // Fence the previous owners first: that aborts a transaction a crashed owner left open, so its states and
      // entries are neither loaded nor visible, and the states it committed are all there to load.
      for (TopicPartition tp : partitions) {
        publishers.computeIfAbsent(tp.partition(),
            part -> TransactionalPublisher.open(producerProperties(kafka), options.groupId(), part));
      }
      loadStates(partitions);
      partitions.forEach(tp -> owned.add(tp.partition()));
      // The sources topic is compacted and never committed: read every assigned partition from the start.
      consumer.seekToBeginning(partitions);
    }

    private void release(Collection<TopicPartition> partitions, String how) {
      if (partitions.isEmpty()) {
        return;
      }
      Set<Integer> parts = new HashSet<>();
      partitions.forEach(tp -> parts.add(tp.partition()));
      owned.removeAll(parts);
      List<SourceTask> stopping = new ArrayList<>();
      for (SourceTask t : tasks.values()) {
        if (parts.contains(t.partition)) {
          stopping.add(t);
        }
      }
      stopTasks(stopping);
      flush();
      closePublishers(parts);
      loadedStates.keySet().removeIf(name -> parts.contains(partitionOf(name.getBytes(StandardCharsets.UTF_8),
          Math.max(1, sourcePartitionCount))));
      LOG.info("Sources partitions {} {}: stopped {} sources", parts, how, stopping.size());
    }
  }

  /** One source's polling chain: runs on the pool, reschedules itself with the adaptive delay. */
  private final class SourceTask implements Runnable {
    volatile Source source;
    final int partition;
    FeedState state;
    volatile boolean cancelled;
    volatile ScheduledFuture<?> future;
    /** The last poll's transaction and the state it carries, until known to be committed. */
    java.util.concurrent.CompletableFuture<Boolean> lastPublish;
    FeedState lastPublishedState;

    SourceTask(Source source, FeedState state, int partition) {
      this.source = source;
      this.state = state;
      this.partition = partition;
    }

    @Override
    public synchronized void run() {
      if (cancelled || !running) {
        return;
      }
      Duration next;
      try {
        if (lastPublish != null) {
          // Polls of one source never overlap their writes: the previous one is committed (or not) first; if it
          // was not, the state stays as it was and this poll emits the same entries again.
          if (lastPublish.join()) {
            state = lastPublishedState;
          }
          lastPublish = null;
          lastPublishedState = null;
        }
        PollResult result = poller.poll(source, state);
        polls.incrementAndGet();
        java.util.concurrent.CompletableFuture<Boolean> published = publish(this, result);
        if (published != null) {
          lastPublish = published;
          lastPublishedState = result.state();
          next = result.nextDelay();
        } else {
          next = RETRY_AFTER_FAILED_PUBLISH;
        }
      } catch (RuntimeException e) {
        // A programming error must not end this source's chain: log it and retry at the slowest pace.
        LOG.error("Polling {} ({}) failed unexpectedly", source.name(), source.url(), e);
        next = source.maxPoll();
      }
      if (!cancelled && running) {
        try {
          future = scheduler.schedule(this, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          LOG.debug("Not rescheduling {}: the poller is stopping", source.name());
        }
      }
    }
  }
}
