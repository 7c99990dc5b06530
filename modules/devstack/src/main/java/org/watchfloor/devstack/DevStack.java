package org.watchfloor.devstack;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default stack: a Kafka broker with every pipeline topic, and optionally an Elasticsearch node, started in
 * parallel and stopped together.
 *
 * <pre>{@code
 * try (DevStack stack = DevStack.start()) {
 *   stack.kafka().bootstrapServers();
 *   stack.elasticsearch().url();
 * }
 * }</pre>
 *
 * <p>Tests should prefer {@link SharedStack}, which starts one stack per JVM.
 */
public final class DevStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

  /** Partitions of each pipeline topic in the local stack. */
  public static final int DEFAULT_PARTITIONS = 3;

  private final LocalKafka kafka;
  private final LocalElasticsearch elasticsearch;
  private final boolean owned;

  DevStack(LocalKafka kafka, LocalElasticsearch elasticsearch, boolean owned) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.elasticsearch = elasticsearch;
    this.owned = owned;
  }

  /** Starts Kafka (creating every topic with {@value #DEFAULT_PARTITIONS} partitions) and Elasticsearch in parallel. */
  public static DevStack start() {
    return start(true, DEFAULT_PARTITIONS);
  }

  /** Starts only Kafka, with every topic created; {@link #elasticsearch()} then throws. */
  public static DevStack kafkaOnly() {
    return start(false, DEFAULT_PARTITIONS);
  }

  /** Starts Kafka with every topic at the given partition count and, if asked, Elasticsearch alongside. */
  public static DevStack start(boolean withElasticsearch, int partitions) {
    long t0 = System.nanoTime();
    CompletableFuture<LocalElasticsearch> es = withElasticsearch
        ? CompletableFuture.supplyAsync(LocalElasticsearch::start, DevStack::startThread)
        : CompletableFuture.completedFuture(null);
    LocalKafka kafka;
    try {
      kafka = LocalKafka.start();
      try {
        kafka.createTopics(partitions);
      } catch (RuntimeException e) {
        kafka.close();
        throw e;
      }
    } catch (RuntimeException e) {
      es.thenAccept(node -> {
        if (node != null) {
          node.close();
        }
      });
      throw e;
    }
    LocalElasticsearch node;
    try {
      node = es.join();
    } catch (CompletionException e) {
      kafka.close();
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
    LOG.info("Local stack up in {} ms: Kafka {}{}", (System.nanoTime() - t0) / 1_000_000, kafka.bootstrapServers(),
        node == null ? "" : ", Elasticsearch " + node.url());
    return new DevStack(kafka, node, true);
  }

  private static void startThread(Runnable task) {
    Thread thread = new Thread(task, "watchfloor-devstack-start");
    thread.setDaemon(true);
    thread.start();
  }

  public LocalKafka kafka() {
    return kafka;
  }

  public boolean hasElasticsearch() {
    return elasticsearch != null;
  }

  /** The Elasticsearch node; throws if this stack was started without it. */
  public LocalElasticsearch elasticsearch() {
    if (elasticsearch == null) {
      throw new IllegalStateException("this stack was started without Elasticsearch; use DevStack.start() or "
          + "SharedStack.get()");
    }
    return elasticsearch;
  }

  /** Stops both services; a no-op on the stack {@link SharedStack} hands out, which its shutdown hook stops. */
  @Override
  public void close() {
    if (!owned) {
      return;
    }
    try {
      if (elasticsearch != null) {
        elasticsearch.close();
      }
    } finally {
      kafka.close();
    }
  }
}
