package org.watchfloor.pages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.SchemaException;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.fetch.FetchPolicy;
import org.watchfloor.pages.fetch.PoliteFetcher;
import org.watchfloor.pages.stage.BadEntryException;
import org.watchfloor.pages.stage.PageProcessor;
import org.watchfloor.runtime.AssignmentTracker;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.ProducerTuning;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * The pages stage: consumes feed entries, fetches and extracts each page with a bounded worker pool, and publishes
 * raw articles keyed by article id through an idempotent producer, committing offsets only once every article of a
 * batch is acknowledged. Settings: {@code pages.workers}, {@code pages.host.delay}, {@code pages.retry.*},
 * {@code pages.robots.*}, {@code pages.fetch.*}, {@code pages.group.id}, {@code pages.max.poll.records},
 * {@code pages.max.text.chars}.
 */
public final class PagesApp implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(PagesApp.class);
  public static final String NAME = "pages";
  public static final String GROUP = "watchfloor-pages";

  private final Properties consumerProps;
  private final Properties producerProps;
  private final PageProcessor processor;
  private final int workers;
  private final MeterRegistry metrics;
  private final Counter deadLetters;
  private final Duration shutdownGrace;
  private volatile boolean running;
  private volatile boolean aborting;
  private Thread loop;
  private ExecutorService pool;
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaProducer<byte[], byte[]> producer;
  private final AssignmentTracker assignment = new AssignmentTracker();
  private KafkaClientMetrics consumerMetrics;

  private PagesApp(StageContext ctx, PageProcessor processor, int workers) {
    this.consumerProps = consumerProperties(ctx);
    this.producerProps = producerProperties(ctx);
    this.processor = processor;
    this.workers = workers;
    this.metrics = ctx.metrics();
    this.deadLetters = metrics.counter(Metrics.DEAD_LETTERS, "stage", NAME);
    this.shutdownGrace = ctx.settings().getDuration("pages.shutdown.grace", Duration.ofSeconds(10));
  }

  /** A not-yet-started pages stage configured from {@code pages.*} settings. */
  public static Stage create(StageContext ctx) {
    Settings s = ctx.settings();
    FetchPolicy policy = FetchPolicy.from(s);
    int workers = s.getInt("pages.workers", 8);
    if (workers < 1) {
      throw new org.watchfloor.model.config.ConfigException(Settings.FILE, "pages.workers", "must be at least 1");
    }
    PageProcessor processor = new PageProcessor(new PoliteFetcher(policy), new ArticleExtractor(), Clock.systemUTC(),
        s.getInt("pages.max.text.chars", PageProcessor.MAX_TEXT_CHARS)).countingFetchErrorsIn(ctx.metrics());
    LOG.info("Pages stage: {} workers, host delay {}, {} attempts, robots.txt {}", workers, policy.hostDelay(),
        policy.attempts(), policy.robots() ? "obeyed" : "ignored");
    return new PagesApp(ctx, processor, workers);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Ready once the consumer group has given this instance its partitions. */
  @Override
  public boolean ready() {
    return assignment.assigned();
  }

  @Override
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("pages stage already started");
    }
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "pages-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    producer = new KafkaProducer<>(producerProps);
    consumer = new KafkaConsumer<>(consumerProps);
    consumer.subscribe(List.of(Topics.ENTRIES), assignment);
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(metrics);
    running = true;
    loop = new Thread(this::run, "pages-consumer");
    loop.start();
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        processBatch(records);
      }
    } catch (WakeupException e) {
      if (!aborting) {
        LOG.error("Pages consumer woken up unexpectedly", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Pages stage stopped by an unexpected failure", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Processes a batch with one task per host (entries are keyed by their link's host), so that different hosts are
   * fetched in parallel while one host's pages go one after another; commits once every send is acknowledged.
   */
  private void processBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    Map<String, List<ConsumerRecord<byte[], byte[]>>> byHost = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String host = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
      byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(record);
    }
    List<Future<List<Future<RecordMetadata>>>> work = new ArrayList<>(byHost.size());
    for (List<ConsumerRecord<byte[], byte[]>> hostRecords : byHost.values()) {
      work.add(pool.submit(() -> {
        List<Future<RecordMetadata>> sends = new ArrayList<>(hostRecords.size());
        for (ConsumerRecord<byte[], byte[]> record : hostRecords) {
          sends.add(handle(record));
        }
        return sends;
      }));
    }
    try {
      for (Future<List<Future<RecordMetadata>>> w : work) {
        for (Future<RecordMetadata> send : await(w)) {
          await(send);
        }
      }
    } catch (ExecutionException | CancellationException e) {
      if (aborting) {
        return;
      }
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      LOG.error("A batch of {} entries failed to publish; it will be processed again", records.count(), cause);
      rewind(records);
      Thread.sleep(1000);
      return;
    } catch (AbortedException e) {
      work.forEach(w -> w.cancel(true));
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
      offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
    }
    consumer.commitSync(offsets);
    LOG.debug("Committed a batch of {} entries from {} hosts", records.count(), byHost.size());
  }

  /** Signals that the stage is being stopped hard and the current batch is abandoned uncommitted. */
  private static final class AbortedException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** Waits for a future, giving up when the stage is aborting (tasks that never started never complete). */
  private <T> T await(Future<T> future) throws ExecutionException, InterruptedException, AbortedException {
    while (true) {
      if (aborting) {
        throw new AbortedException();
      }
      try {
        return future.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // check the abort flag again, then keep waiting
      }
    }
  }

  private void rewind(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).get(0).offset());
    }
  }

  /** Processes one entry and returns the send of its article or dead letter. */
  private Future<RecordMetadata> handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    FeedEntry entry;
    try {
      entry = Json.read(record.value(), FeedEntry.class);
    } catch (SchemaException e) {
      LOG.warn("Unreadable entry at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return deadLetter(record, e, null);
    }
    RawArticle article;
    try {
      article = processor.process(entry);
    } catch (BadEntryException e) {
      LOG.warn("Bad entry {} from source {}: {}", e.link(), entry.source(), e.getMessage());
      return deadLetter(record, e, e.link());
    }
    String source = article.contentSource();
    return producer.send(new ProducerRecord<>(Topics.RAW, article.id().getBytes(StandardCharsets.UTF_8),
        Json.write(article)), (meta, error) -> {
          if (error == null) {
            metrics.counter(Metrics.FETCHED, "stage", NAME, "content_source", source).increment();
          }
        });
  }

  private Future<RecordMetadata> deadLetter(ConsumerRecord<byte[], byte[]> record, Exception e, String url) {
    return producer.send(DeadLetters.record(NAME, record.topic(), record.key(), record.value(), e, url),
        (meta, error) -> {
          if (error == null) {
            deadLetters.increment();
          }
        });
  }

  /**
   * Stops after the batch in hand if it completes within {@code pages.shutdown.grace} (so its offsets are committed);
   * otherwise interrupts the fetches and leaves the batch uncommitted, to be processed again on the next start.
   */
  @Override
  public synchronized void close() {
    if (loop == null) {
      return;
    }
    running = false;
    try {
      loop.join(shutdownGrace.toMillis());
      if (loop.isAlive()) {
        LOG.warn("Pages stage still busy after {}; abandoning the current batch uncommitted", shutdownGrace);
        aborting = true;
        pool.shutdownNow();
        consumer.wakeup();
        loop.join(TimeUnit.SECONDS.toMillis(30));
      }
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
    consumerMetrics.close();
    loop = null;
    LOG.info("Pages stage stopped");
  }

  static Properties consumerProperties(StageContext ctx) {
    Properties p = ctx.kafkaProperties();
    Settings s = ctx.settings();
    p.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, s.get("pages.group.id", GROUP));
    // The feeds stage writes each poll in a transaction: entries of an aborted poll (a crash) must not be fetched.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, s.get("pages.max.poll.records", "50"));
    // A batch waits for its slowest page (retries, per-host delay), far longer than a stream processor's poll.
    p.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "900000");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-pages-consumer");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  private static Properties producerProperties(StageContext ctx) {
    Properties p = ctx.kafkaProperties();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    ProducerTuning.apply(p);
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-pages-producer");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }
}
