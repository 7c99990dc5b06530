package org.watchfloor.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.indexer.ingest.TopicIndexer;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.AssignmentTracker;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * The indexer stage: sets up templates and aliases, then writes enriched articles, alerts (with their delivery
 * outcomes) and aggregates into Elasticsearch, one consumer group shared by every replica.
 */
public final class IndexerApp implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IndexerApp.class);

  /** Consumer group of the indexer; replicas split the partitions. */
  public static final String GROUP = "watchfloor-indexer";
  /** The topics the indexer reads. */
  public static final List<String> TOPICS =
      List.of(Topics.ENRICHED, Topics.STORIES, Topics.ALERTS, Topics.ALERT_DELIVERIES, Topics.AGGREGATES);

  private final StageContext ctx;
  private final String elasticsearchUrl;
  private ElasticsearchClient client;
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaProducer<byte[], byte[]> producer;
  private TopicIndexer indexer;
  private Thread thread;
  private final AssignmentTracker assignment = new AssignmentTracker();
  private KafkaClientMetrics consumerMetrics;

  private IndexerApp(StageContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.elasticsearchUrl = ctx.elasticsearchUrl() != null ? ctx.elasticsearchUrl() : EsClients.url(ctx.settings());
  }

  /** A not-yet-started indexer stage. */
  public static Stage create(StageContext ctx) {
    return new IndexerApp(ctx);
  }

  @Override
  public String name() {
    return "indexer";
  }

  /** Ready once the consumer group has given this instance its partitions. */
  @Override
  public boolean ready() {
    return assignment.assigned();
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("indexer already started");
    }
    Settings s = ctx.settings();
    client = EsClients.create(s, elasticsearchUrl);
    try {
      new IndexSetup(client, s.getInt("elasticsearch.replicas", 0)).ensure();
    } catch (IOException | RuntimeException e) {
      EsClients.close(client);
      throw new IllegalStateException("cannot set up Elasticsearch templates at " + elasticsearchUrl + ": "
          + e.getMessage(), e);
    }
    consumer = new KafkaConsumer<>(consumerProperties(ctx), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    producer = new KafkaProducer<>(producerProperties(ctx), new ByteArraySerializer(), new ByteArraySerializer());
    consumer.subscribe(TOPICS, assignment);
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(ctx.metrics());
    TopicIndexer.Options defaults = TopicIndexer.Options.defaults();
    TopicIndexer.Options options = new TopicIndexer.Options(
        s.getInt("indexer.bulk.actions", defaults.bulkActions()),
        s.getInt("indexer.bulk.bytes", (int) defaults.bulkBytes()),
        s.getInt("indexer.bulk.concurrent.requests", defaults.concurrentRequests()),
        s.getDuration("indexer.backoff.initial", defaults.initialBackoff()),
        s.getDuration("indexer.backoff.max", defaults.maxBackoff()),
        defaults.pollTimeout());
    indexer = new TopicIndexer(consumer, producer, client, options, ctx.metrics(),
        new ArticleGenerations(client, s.getInt("elasticsearch.replicas", 0)).cached());
    thread = new Thread(this::runLoop, "watchfloor-indexer");
    thread.start();
    LOG.info("Indexer started: {} -> {}", TOPICS, elasticsearchUrl);
  }

  private void runLoop() {
    try {
      indexer.run();
    } catch (RuntimeException e) {
      LOG.error("Indexer loop failed; uncommitted records will be indexed after a restart", e);
    } finally {
      consumer.close(Duration.ofSeconds(10));
    }
  }

  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    indexer.stop();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
    consumerMetrics.close();
    EsClients.close(client);
    LOG.info("Indexer stopped");
    thread = null;
  }

  static Properties consumerProperties(StageContext ctx) {
    Properties p = ctx.kafkaProperties();
    p.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, ctx.settings().get("indexer.group", GROUP));
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // large polls keep several bulks in flight per batch; the default 1 MB per partition yields ~400 articles
    p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ctx.settings().get("indexer.max.poll.records", "5000"));
    p.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
    p.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(32 * 1024 * 1024));
    p.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-indexer");
    // producer-only keys in the pass-through would only produce warnings here
    p.remove(ProducerConfig.ACKS_CONFIG);
    return p;
  }

  static Properties producerProperties(StageContext ctx) {
    Properties p = ctx.kafkaProperties();
    p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-indexer-dlq");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    return p;
  }
}
