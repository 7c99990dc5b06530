package org.watchfloor.enricher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.classify.Classifier;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.enricher.deadletter.DeadLetterProcessingHandler;
import org.watchfloor.enricher.deadletter.DeadLetterProductionHandler;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.BoundedRocksDb;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.ProducerTuning;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * The enricher stage: loads the classifier from the config directory, builds {@link EnrichmentTopology} and runs it
 * in Kafka Streams with exactly-once processing.
 *
 * <p>Settings: {@code enricher.application.id} (default {@value #DEFAULT_APPLICATION_ID}), {@code enricher.state.dir}
 * (default {@value StageContext#DEFAULT_STATE_DIR}), {@code enricher.commit.interval} (100ms), {@code enricher.threads} (1),
 * {@code pipeline.replication.factor} (1) for its internal topics, the {@link EnrichmentOptions} keys, and
 * any {@code kafka.*} client property.
 */
public final class EnricherApp {
  private static final Logger LOG = LoggerFactory.getLogger(EnricherApp.class);

  public static final String NAME = "enricher";
  public static final String DEFAULT_APPLICATION_ID = "watchfloor-enricher";

  private EnricherApp() {}

  /** A not-yet-started enricher using the classifier configured in {@code ctx.configDir()}. */
  public static Stage create(StageContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    return create(ctx, Classifiers.loadAndWarmUp(ctx.configDir()));
  }

  /** A not-yet-started enricher using the given classifier. */
  public static Stage create(StageContext ctx, Classifier classifier) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(classifier, "classifier");
    EnrichmentListener listener = countingListener(ctx.metrics());
    EnrichmentOptions options = EnrichmentOptions.fromSettings(ctx.settings()).withListener(listener);
    Topology topology = EnrichmentTopology.build(classifier, options);
    Properties props = streamsProperties(ctx);
    props.put(DeadLetterProcessingHandler.LISTENER_CONFIG, listener);
    return new EnricherStage(topology, props, ctx);
  }

  /**
   * The Kafka Streams configuration of the enricher: exactly-once v2, a 100 ms commit interval for low latency, lz4
   * producers, dead letters for records the topology did not expect, then the {@code kafka.*} pass-through.
   */
  public static Properties streamsProperties(StageContext ctx) {
    Settings s = ctx.settings();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.get("enricher.application.id", DEFAULT_APPLICATION_ID));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, ctx.stateDir(NAME));
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        Long.toString(s.getDuration("enricher.commit.interval", Duration.ofMillis(100)).toMillis()));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(s.getInt("enricher.threads", 1)));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(s.getInt("pipeline.replication.factor", 1)));
    ProducerTuning.applyToStreams(p);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    p.putAll(ctx.kafkaProperties());
    return p;
  }

  private static EnrichmentListener countingListener(MeterRegistry registry) {
    Counter enriched = Counter.builder(Metrics.ENRICHED).tag("stage", NAME)
        .description("Articles written to the enriched topic").register(registry);
    Counter dead = Counter.builder(Metrics.DEAD_LETTERS).tag("stage", NAME)
        .description("Records sent to the dead-letter topic").register(registry);
    return new EnrichmentListener() {
      @Override
      public void enriched(String articleId, String storyId, String duplicateOf) {
        enriched.increment();
      }

      @Override
      public void deadLettered(String errorClass, String reason) {
        dead.increment();
      }
    };
  }

  /** The running Kafka Streams instance behind the stage. */
  private static final class EnricherStage implements Stage {
    private final Topology topology;
    private final Properties props;
    private final StageContext ctx;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    EnricherStage(Topology topology, Properties props, StageContext ctx) {
      this.topology = topology;
      this.props = props;
      this.ctx = ctx;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public synchronized void start() {
      if (streams != null) {
        throw new IllegalStateException("enricher already started");
      }
      KafkaStreams started = new KafkaStreams(topology, props);
      started.setUncaughtExceptionHandler(e -> {
        LOG.error("Enricher stream thread failed, replacing it", e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      started.setStateListener((next, previous) -> LOG.info("Enricher {} -> {}", previous, next));
      streamsMetrics = new KafkaStreamsMetrics(started);
      streamsMetrics.bindTo(ctx.metrics());
      started.start();
      streams = started;
      LOG.info("Enricher started: application {}, state in {}", props.get(StreamsConfig.APPLICATION_ID_CONFIG),
          props.get(StreamsConfig.STATE_DIR_CONFIG));
    }

    @Override
    public synchronized void close() {
      if (streams == null) {
        return;
      }
      // a clean close commits the open transaction and releases the state directory lock
      boolean closed = streams.close(Duration.ofSeconds(30));
      if (!closed) {
        LOG.warn("Enricher did not stop within 30 s");
      }
      streams = null;
      streamsMetrics.close();
      LOG.info("Enricher stopped");
    }

    @Override
    public boolean ready() {
      KafkaStreams s = streams;
      return s != null && s.state() == KafkaStreams.State.RUNNING;
    }
  }
}
