package org.watchfloor.app.run;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.devstack.LocalElasticsearch;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.devstack.SampleSource;
import org.watchfloor.feeds.source.Source;

/**
 * The local stack of {@code watchfloor up} and {@code watchfloor bench}: an embedded Kafka broker, an Elasticsearch
 * node and the demo news site, from {@code modules/devstack}.
 *
 * <p>devstack carries the Kafka server and the Elasticsearch distribution, so it is not on the production image's
 * classpath: the launcher adds it for these two commands only. This is the one class of the launcher that uses it,
 * and only after {@link #available()} has said it is there.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
  private static final String PROBE = "org.watchfloor.devstack.LocalKafka";

  private LocalKafka kafka;
  private LocalElasticsearch elasticsearch;
  private SampleSource sample;

  private LocalStack() {}

  /** Whether devstack is on the classpath: in a source checkout it is, in the production image it is not. */
  public static boolean available() {
    try {
      Class.forName(PROBE, false, LocalStack.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Starts what is asked for: the broker and the node side by side (the node takes about 15 s), then the demo site.
   * Whatever started is stopped again when anything fails.
   *
   * @throws LocalStackUnavailableException when devstack is not on the classpath, naming the options that do without it
   */
  public static LocalStack start(boolean kafka, boolean elasticsearch, boolean demo) {
    if (!available()) {
      throw new LocalStackUnavailableException("the embedded Kafka broker, Elasticsearch node and demo site are not installed "
          + "here (modules/devstack is left out of the production image): give --kafka and --elasticsearch "
          + "(and no --demo), or run ./watchfloor from a source checkout");
    }
    LocalStack stack = new LocalStack();
    try {
      stack.startServices(kafka, elasticsearch, demo);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startServices(boolean startKafka, boolean startElasticsearch, boolean demo) {
    CompletableFuture<LocalElasticsearch> es = null;
    if (startElasticsearch) {
      LOG.info("Starting the embedded Elasticsearch node (about 15 s)");
      es = CompletableFuture.supplyAsync(LocalElasticsearch::start);
    }
    if (startKafka) {
      LOG.info("Starting the embedded Kafka broker");
      kafka = LocalKafka.start();
    }
    if (es != null) {
      try {
        elasticsearch = es.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    if (demo) {
      sample = SampleSource.start();
      LOG.info("Demo source serving {} articles at {}", sample.articles().size(), sample.baseUrl());
    }
  }

  /** Deletes {@code dir} with the embedded services' own folders if this JVM is killed (see devstack's Watchdog). */
  public void watchDir(java.nio.file.Path dir) {
    org.watchfloor.devstack.Watchdog.get().watchDir(dir);
  }

  /** The embedded broker's bootstrap servers; null when none was asked for. */
  public String bootstrapServers() {
    return kafka == null ? null : kafka.bootstrapServers();
  }

  /** An admin client of the embedded broker, closed with it. */
  public Admin admin() {
    return kafka.admin();
  }

  /** The embedded node's URL; null when none was asked for. */
  public String elasticsearchUrl() {
    return elasticsearch == null ? null : elasticsearch.url();
  }

  /** The embedded node's process id, for memory figures; empty when there is none. */
  public OptionalLong elasticsearchPid() {
    return elasticsearch == null ? OptionalLong.empty() : elasticsearch.pid();
  }

  /** The demo site, or null when not running the demo. */
  public SampleSource sample() {
    return sample;
  }

  /** The demo site's feeds as sources; none when not running the demo. */
  public List<Source> demoSources() {
    return sample == null ? List.of() : DemoSources.of(sample);
  }

  /** Stops the demo site, the broker and the node; never throws. */
  @Override
  public void close() {
    Pipeline.closeQuietly(sample, "demo source");
    Pipeline.closeQuietly(kafka, "embedded Kafka");
    Pipeline.closeQuietly(elasticsearch, "embedded Elasticsearch");
    sample = null;
    kafka = null;
    elasticsearch = null;
  }
}
