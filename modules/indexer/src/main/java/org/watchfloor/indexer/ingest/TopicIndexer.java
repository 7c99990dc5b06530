package org.watchfloor.indexer.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;

/**
 * The indexer's loop: polls a batch, writes it through the {@link BulkIngester}, sends what Elasticsearch rejects to
 * the dead letters, retries the rest with backoff while the consumer is paused, and commits the batch's offsets only
 * when every record in it is indexed or dead-lettered.
 */
public final class TopicIndexer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicIndexer.class);
  static final String STAGE = "indexer";

  /** Tuning knobs, each with a {@code indexer.*} setting. */
  public record Options(
      int bulkActions, long bulkBytes, int concurrentRequests, Duration initialBackoff, Duration maxBackoff,
      Duration pollTimeout) {
    public static Options defaults() {
      return new Options(1000, 5L * 1024 * 1024, 2, Duration.ofMillis(500), Duration.ofSeconds(30),
          Duration.ofMillis(500));
    }
  }

  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> deadLetters;
  private final BulkIngester<CompletableFuture<BulkOutcome>> ingester;
  private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "indexer-bulk-completions");
    t.setDaemon(true);
    return t;
  });
  private final Options options;
  private final MeterRegistry metrics;
  private final Counter deadLettered;
  private final Timer processing;
  private final Map<String, Counter> indexed = new HashMap<>();
  private final IntSupplier generation;
  private volatile boolean running = true;

  public TopicIndexer(
      Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters, ElasticsearchClient client,
      Options options, MeterRegistry metrics) {
    this(consumer, deadLetters, client, options, metrics, () -> 1);
  }

  /**
   * @param generation the generation of the article indices to write articles to ({@code ArticleGenerations}),
   *     asked once per batch
   */
  public TopicIndexer(
      Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters, ElasticsearchClient client,
      Options options, MeterRegistry metrics, IntSupplier generation) {
    this.generation = Objects.requireNonNull(generation, "generation");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.options = Objects.requireNonNull(options, "options");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.deadLettered = metrics.counter(Metrics.DEAD_LETTERS, "stage", STAGE);
    this.processing = Timer.builder(Metrics.PROCESSING).tag("stage", STAGE)
        .description("from a batch's poll to its commit").register(metrics);
    ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(
        new HandOffTransport(client._transport(), completions), client._transportOptions());
    this.ingester = BulkIngester.of(b -> b.client(async)
        .maxOperations(options.bulkActions())
        .maxSize(options.bulkBytes())
        .maxConcurrentRequests(options.concurrentRequests())
        .listener(new OutcomeListener()));
  }

  /** Asks the loop to stop after the current step; the caller then joins the thread. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  @Override
  public void run() {
    try {
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(options.pollTimeout());
        if (!records.isEmpty()) {
          processBatch(records);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("Indexer interrupted; uncommitted records will be read again");
    } finally {
      ingester.close();
      completions.shutdown();
    }
  }

  private void processBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    long started = System.nanoTime();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    List<Pending> pending = new ArrayList<>(records.count());
    Instant now = Instant.now();
    int gen = generation.getAsInt();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
      try {
        pending.add(new Pending(r, DocumentOperations.of(r, now, gen)));
      } catch (RuntimeException e) {
        deadLetter(r, e.getClass().getName(), e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
    long backoff = options.initialBackoff().toMillis();
    while (!pending.isEmpty()) {
      List<Pending> retry = submit(pending);
      // documents that existed already: their follow-ups go at once, with no backoff
      List<Pending> followUps = new ArrayList<>();
      retry.removeIf(p -> p.followUp != null && followUps.add(p.followUp));
      if (!followUps.isEmpty()) {
        retry.addAll(submit(followUps));
      }
      if (retry.isEmpty() || !running) {
        pending = retry;
        break;
      }
      LOG.warn("{} of {} documents not indexed ({}); consumer paused, retrying in {} ms",
          retry.size(), pending.size(), retry.get(0).lastReason, backoff);
      pending = retry;
      waitPaused(backoff);
      backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
    }
    if (!pending.isEmpty()) {
      LOG.info("Stopping with {} documents not indexed; their offsets stay uncommitted", pending.size());
      return;
    }
    consumer.resume(consumer.paused());
    commit(offsets);
    processing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** Adds every pending operation to the ingester, flushes, waits, and returns those that must be retried. */
  private List<Pending> submit(List<Pending> pending) throws InterruptedException {
    List<CompletableFuture<BulkOutcome>> futures = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      CompletableFuture<BulkOutcome> f = new CompletableFuture<>();
      futures.add(f);
      ingester.add(p.op.operation(), f);
    }
    ingester.flush();
    List<Pending> retry = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      BulkOutcome outcome = await(futures.get(i));
      if (outcome.isConflict() && p.op.onConflict() != null) {
        Pending next = new Pending(p.record, p.op.followUp());
        p.followUp = next;
        retry.add(p);
        continue;
      }
      switch (outcome.kind()) {
        case INDEXED:
          indexedCounter(p.op.kind()).increment();
          break;
        case REJECTED:
          deadLetter(p.record, "elasticsearch." + outcome.errorType(), outcome.reason());
          break;
        default:
          p.lastReason = outcome.reason();
          retry.add(p);
          break;
      }
    }
    return retry;
  }

  private BulkOutcome await(CompletableFuture<BulkOutcome> f) throws InterruptedException {
    try {
      // the transport's socket timeout bounds a bulk; this only guards against a listener that never fires
      return f.get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      return BulkOutcome.failed(e.getCause());
    } catch (TimeoutException e) {
      return BulkOutcome.failed(e);
    }
  }

  /** Sleeps {@code millis} with every partition paused, polling so that the consumer stays in its group. */
  private void waitPaused(long millis) {
    consumer.pause(consumer.assignment());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (running) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return;
      }
      ConsumerRecords<byte[], byte[]> stray = consumer.poll(Duration.ofMillis(Math.min(left, 200)));
      if (!stray.isEmpty()) {
        // partitions assigned by a rebalance during the pause are not paused yet: give their records back
        for (TopicPartition tp : stray.partitions()) {
          consumer.seek(tp, stray.records(tp).get(0).offset());
        }
        consumer.pause(consumer.assignment());
      }
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    Set<TopicPartition> assigned = consumer.assignment();
    offsets.keySet().retainAll(assigned);
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // the records will be read again by the partitions' new owner; ids make the rewrite harmless
      LOG.warn("Offsets not committed after a rebalance ({}); records will be indexed again", e.getMessage());
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> r, String errorClass, String message) {
    String key = r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8);
    LOG.warn("Dead letter from {} key {} offset {}: {}", r.topic(), key, r.offset(), message);
    try {
      deadLetters.send(DeadLetters.record(STAGE, r.topic(), r.key(), r.value(), errorClass, message, null))
          .get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a dead letter", e);
    } catch (ExecutionException | TimeoutException e) {
      // never commit past a record that is neither indexed nor dead-lettered
      throw new IllegalStateException("cannot write dead letter for " + r.topic() + " key " + key, e);
    }
    deadLettered.increment();
  }

  private Counter indexedCounter(String kind) {
    return indexed.computeIfAbsent(kind, k -> metrics.counter(Metrics.INDEXED, "stage", STAGE, "kind", k));
  }

  /** A record on its way to Elasticsearch. */
  private static final class Pending {
    final ConsumerRecord<byte[], byte[]> record;
    final DocumentOperations.Op op;
    String lastReason;
    /** What to send instead, once Elasticsearch said the document exists. */
    Pending followUp;

    Pending(ConsumerRecord<byte[], byte[]> record, DocumentOperations.Op op) {
      this.record = record;
      this.op = op;
    }
  }

  /** Completes each item's future with its outcome. */
  private static final class OutcomeListener implements BulkListener<CompletableFuture<BulkOutcome>> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkOutcome>> contexts) {
      LOG.debug("Bulk {} with {} operations", executionId, contexts.size());
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkOutcome>> contexts,
        BulkResponse response) {
      for (int i = 0; i < contexts.size(); i++) {
        contexts.get(i).complete(i < response.items().size()
            ? BulkOutcome.of(response.items().get(i))
            : BulkOutcome.failed(new IllegalStateException("bulk response lacks item " + i)));
      }
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkOutcome>> contexts,
        Throwable failure) {
      LOG.debug("Bulk {} failed: {}", executionId, failure.toString());
      BulkOutcome outcome = BulkOutcome.failed(failure);
      for (CompletableFuture<BulkOutcome> c : contexts) {
        c.complete(outcome);
      }
    }
  }
}
