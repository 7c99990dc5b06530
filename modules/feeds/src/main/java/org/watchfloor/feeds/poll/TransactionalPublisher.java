package org.watchfloor.feeds.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional producer of one sources-topic partition: everything one poll of a source writes (its new entries,
 * its dead letter, its feed state) goes out in one Kafka transaction, so that a crash at any point leaves either all
 * of it or none of it visible to {@code read_committed} readers.
 *
 * <p>The transactional id is the group's and the partition's ({@code GROUP-sources-N}): only the instance that owns
 * the partition writes with it, and the next owner (after a rebalance, a restart or a kill) fences the previous one
 * and aborts whatever transaction it left open, in {@link #open}.
 */
final class TransactionalPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);

  /** Where a crash test may stop the JVM inside a transaction; never set in production. */
  enum Point { ENTRIES_SENT, STATE_SENT }

  /** For crash tests only: called inside each transaction that carries entries, with the producer. */
  static volatile BiConsumer<Point, KafkaProducer<byte[], byte[]>> crashHook;

  private final Properties properties;
  private final int partition;
  private KafkaProducer<byte[], byte[]> producer;
  private boolean fenced;

  private TransactionalPublisher(Properties properties, int partition) {
    this.properties = properties;
    this.partition = partition;
  }

  /** Opens the partition's producer and fences any earlier owner, aborting its open transaction. */
  static TransactionalPublisher open(Properties base, String groupId, int partition) {
    Objects.requireNonNull(groupId, "groupId");
    Properties p = new Properties();
    p.putAll(base);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(groupId, partition));
    // A transaction's first sends meet CONCURRENT_TRANSACTIONS while the previous one's markers are written; the
    // default 100 ms backoff made every commit cost a tenth of a second.
    p.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "20");
    TransactionalPublisher t = new TransactionalPublisher(p, partition);
    t.start();
    t.startCommitter();
    return t;
  }

  static String transactionalId(String groupId, int partition) {
    return groupId + "-sources-" + partition;
  }

  private void start() {
    producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  private void startCommitter() {
    committer = new Thread(this::commitLoop, "feeds-commit-" + partition);
    committer.setDaemon(true);
    committer.start();
  }

  /** One poll's records waiting for a transaction, and how it ended. */
  private static final class Pending {
    final List<ProducerRecord<byte[], byte[]>> entries;
    final List<ProducerRecord<byte[], byte[]>> rest;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();

    Pending(List<ProducerRecord<byte[], byte[]>> entries, List<ProducerRecord<byte[], byte[]>> rest) {
      this.entries = entries;
      this.rest = rest;
    }
  }

  private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
  private volatile boolean closing;
  private Thread committer;

  /**
   * Queues one poll's records for the next transaction: its entries, then the rest (dead letter, state). A committer
   * thread per partition takes everything queued, writes it in one transaction and commits (group commit), so the
   * polling threads never wait for a commit and a partition commits once per batch, not once per poll; each poll is
   * still all or nothing. The future completes with true once committed, false when nothing of it was (the
   * transaction was aborted or the producer fenced), and then the caller keeps the source's previous state so that a
   * later poll emits the same entries again.
   */
  CompletableFuture<Boolean> submit(List<ProducerRecord<byte[], byte[]>> entries,
                                    List<ProducerRecord<byte[], byte[]>> rest) {
    Pending p = new Pending(entries, rest);
    if (closing) {
      p.done.complete(false);
      return p.done;
    }
    waiting.add(p);
    return p.done;
  }

  /** {@link #submit} and wait for the outcome. */
  boolean publish(List<ProducerRecord<byte[], byte[]>> entries, List<ProducerRecord<byte[], byte[]>> rest) {
    return submit(entries, rest).join();
  }

  private void commitLoop() {
    while (true) {
      Pending first;
      try {
        first = waiting.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        first = waiting.poll();
      }
      if (first == null) {
        if (closing) {
          return;
        }
        continue;
      }
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      waiting.drainTo(batch);
      boolean committed;
      try {
        committed = commit(batch);
      } catch (RuntimeException e) {
        LOG.error("Sources partition {}: writing {} polls failed unexpectedly; they are polled again", partition,
            batch.size(), e);
        committed = false;
      }
      boolean outcome = committed;
      batch.forEach(p -> p.done.complete(outcome));
    }
  }

  private boolean commit(List<Pending> batch) {
    if (fenced) {
      return false;
    }
    try {
      producer.beginTransaction();
      boolean anyEntries = false;
      for (Pending p : batch) {
        p.entries.forEach(producer::send);
        anyEntries |= !p.entries.isEmpty();
      }
      BiConsumer<Point, KafkaProducer<byte[], byte[]>> hook = crashHook;
      if (hook != null && anyEntries) {
        hook.accept(Point.ENTRIES_SENT, producer);
      }
      for (Pending p : batch) {
        p.rest.forEach(producer::send);
      }
      if (hook != null && anyEntries) {
        hook.accept(Point.STATE_SENT, producer);
      }
      producer.commitTransaction();
      return true;
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      // Another instance owns the partition now; this one's sources of it are being stopped by the rebalance.
      fenced = true;
      LOG.warn("Sources partition {}: fenced by a newer owner; nothing of these {} polls was written", partition,
          batch.size());
      return false;
    } catch (KafkaException e) {
      LOG.error("Sources partition {}: the transaction of {} polls failed and was aborted; their entries are sent "
          + "again on their next polls", partition, batch.size(), e);
      abortOrRestart();
      return false;
    }
  }

  private void abortOrRestart() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      // An abortable error cannot always be aborted (a fatal one): start a fresh producer with the same id.
      LOG.warn("Sources partition {}: abort failed ({}); restarting its producer", partition, e.toString());
      try {
        producer.close(Duration.ZERO);
      } catch (KafkaException closing) {
        LOG.debug("Closing the failed producer of partition {}", partition, closing);
      }
      try {
        start();
      } catch (ProducerFencedException fencedNow) {
        fenced = true;
      }
    }
  }

  /** Commits what is queued, then closes the producer. */
  @Override
  public void close() {
    closing = true;
    try {
      committer.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
      p.done.complete(false);
    }
    try {
      producer.close(Duration.ofSeconds(10));
    } catch (KafkaException e) {
      LOG.warn("Closing the producer of sources partition {} failed: {}", partition, e.toString());
    }
  }
}
