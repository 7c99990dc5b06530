package org.watchfloor.devstack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local stack per JVM for integration tests in every module, started on first use and stopped by a shutdown
 * hook. Tests share its topics, so each test uses its own consumer group, keys or index names.
 *
 * <pre>{@code
 * DevStack stack = SharedStack.kafkaOnly(); // or SharedStack.get() for Elasticsearch too
 * props.put("bootstrap.servers", stack.kafka().bootstrapServers());
 * }</pre>
 */
public final class SharedStack {
  private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);

  private static LocalKafka kafka;
  private static LocalElasticsearch elasticsearch;
  private static boolean hookAdded;

  private SharedStack() {}

  /** The shared Kafka broker (all topics, {@value DevStack#DEFAULT_PARTITIONS} partitions) and Elasticsearch node. */
  public static synchronized DevStack get() {
    if (elasticsearch == null) {
      // start both at once: Elasticsearch takes the longer
      CompletableFuture<LocalElasticsearch> es = CompletableFuture.supplyAsync(LocalElasticsearch::start);
      try {
        ensureKafka();
      } finally {
        try {
          elasticsearch = es.join();
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
      }
    }
    ensureKafka();
    return new DevStack(kafka, elasticsearch, false);
  }

  /** The shared Kafka broker only; Elasticsearch is not started for it. */
  public static synchronized DevStack kafkaOnly() {
    ensureKafka();
    return new DevStack(kafka, elasticsearch, false);
  }

  private static void ensureKafka() {
    if (!hookAdded) {
      Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "watchfloor-shared-stack-shutdown"));
      hookAdded = true;
    }
    if (kafka == null) {
      LocalKafka started = LocalKafka.start();
      try {
        started.createTopics(DevStack.DEFAULT_PARTITIONS);
      } catch (RuntimeException e) {
        started.close();
        throw e;
      }
      kafka = started;
    }
  }

  private static synchronized void stop() {
    try {
      if (elasticsearch != null) {
        elasticsearch.close();
      }
    } catch (RuntimeException e) {
      LOG.error("Cannot stop the shared Elasticsearch node", e);
    }
    try {
      if (kafka != null) {
        kafka.close();
      }
    } catch (RuntimeException e) {
      LOG.error("Cannot stop the shared Kafka broker", e);
    }
    elasticsearch = null;
    kafka = null;
  }
}
