package org.watchfloor.feeds.poll;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
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
    return t;
  }

  static String transactionalId(String groupId, int partition) {
    return groupId + "-sources-" + partition;
  }

  private void start() {
    producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  /** One poll's records waiting for a transaction, and how it ended. */
  private static final class Pending {
    final List<ProducerRecord<byte[], byte[]>> entries;
    final List<ProducerRecord<byte[], byte[]>> rest;
    boolean done;
    boolean committed;

    Pending(List<ProducerRecord<byte[], byte[]>> entries, List<ProducerRecord<byte[], byte[]>> rest) {
      this.entries = entries;
      this.rest = rest;
    }
  }

  private final java.util.concurrent.ConcurrentLinkedQueue<Pending> waiting =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * Writes one poll's records in a transaction: the entries, then the rest (dead letter, state). Polls that arrive
   * while a transaction commits wait and go out together in the next one (group commit), so a partition commits
   * once per batch of polls, not once per poll; a poll is still all or nothing. Returns true once committed; false
   * when nothing of it was committed (the transaction was aborted or the producer fenced), in which case the caller
   * keeps the source's previous state so that a later poll emits the same entries again.
   */
  boolean publish(List<ProducerRecord<byte[], byte[]>> entries, List<ProducerRecord<byte[], byte[]>> rest) {
    Pending mine = new Pending(entries, rest);
    waiting.add(mine);
    synchronized (this) {
      if (mine.done) {
        return mine.committed;
      }
      List<Pending> batch = new java.util.ArrayList<>();
      for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
        batch.add(p);
      }
      boolean committed = commit(batch);
      for (Pending p : batch) {
        p.committed = committed;
        p.done = true;
      }
      return mine.committed;
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

  @Override
  public synchronized void close() {
    try {
      producer.close(Duration.ofSeconds(10));
    } catch (KafkaException e) {
      LOG.warn("Closing the producer of sources partition {} failed: {}", partition, e.toString());
    }
  }
}
