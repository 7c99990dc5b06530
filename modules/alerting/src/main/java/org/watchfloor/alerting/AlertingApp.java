package org.watchfloor.alerting;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.notify.Channel;
import org.watchfloor.alerting.notify.Channels;
import org.watchfloor.alerting.notify.DeliveryWorker;
import org.watchfloor.alerting.notify.RetryPolicy;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleProblem;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.BoundedRocksDb;
import org.watchfloor.runtime.ProducerTuning;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * The alerting stage: the {@link AlertTopology} in Kafka Streams plus a {@link DeliveryWorker}. Settings:
 * {@code alerting.rules.file} (default {@code CONFIG_DIR/alert-rules.yaml}), {@code alerting.application.id}
 * ({@value #DEFAULT_APPLICATION_ID}), {@code alerting.state.dir} ({@value StageContext#DEFAULT_STATE_DIR}),
 * {@code alerting.instance} (a name unique per instance on one host, default {@code default}),
 * {@code alerting.tick} (10s), {@code alerting.commit.interval} (100ms), {@code alerting.notify.*},
 * {@code alerting.webhook.secret} and {@code alerting.smtp.*}.
 */
public final class AlertingApp {
  private static final Logger LOG = LoggerFactory.getLogger(AlertingApp.class);

  public static final String NAME = "alerting";
  public static final String DEFAULT_APPLICATION_ID = "watchfloor-alerting";

  private AlertingApp() {}

  /** The rules file this context uses. */
  public static Path rulesFile(Settings s) {
    String file = s.get("alerting.rules.file", null);
    return file != null ? Path.of(file) : s.configDir().resolve(RuleLoader.FILE);
  }

  /**
   * Loads and validates the rules. A file with any problem stops the stage, as a bad config file does: the
   * {@link ConfigException} names the file, the rule, the field and the reason of the first problem, and every problem
   * is logged.
   */
  public static RuleSet loadRules(Settings s, Map<String, String> env) {
    Path file = rulesFile(s);
    RuleSet rules = new RuleLoader(env).load(file);
    if (!rules.valid()) {
      rules.problems().forEach(p -> LOG.error("Alert rule rejected: {}", p));
      throw invalid(file, rules.problems());
    }
    LOG.info("Loaded {} alert rule(s), {} silence(s), {} channel(s) from {}", rules.rules().size(),
        rules.silences().size(), rules.channels().size(), file);
    return rules;
  }

  private static ConfigException invalid(Path file, List<RuleProblem> problems) {
    RuleProblem first = problems.get(0);
    String where = Stream.of(first.rule(), first.field()).filter(w -> w != null && !w.isEmpty())
        .collect(Collectors.joining(": "));
    String more = problems.size() == 1 ? ""
        : " (and " + (problems.size() - 1) + " more; `watchfloor rules check " + file + "` lists them all)";
    return new ConfigException(first.file() == null ? file.toString() : first.file(), where, first.reason() + more);
  }

  public static Stage create(StageContext ctx) {
    Settings s = ctx.settings();
    RuleSet rules = loadRules(s, System.getenv());
    RuleRegistry registry = new RuleRegistry(rules, RuleLoader.withSystemEnv());
    Topology topology = AlertTopology.build(registry, ctx.metrics(), s.getDuration("alerting.tick",
        Duration.ofSeconds(10)));
    Map<String, Channel> channels = Channels.create(rules.channels(), s);
    String instance = s.get("alerting.instance", "default");
    DeliveryWorker worker = new DeliveryWorker(ctx.kafkaProperties(),
        s.get("alerting.application.id", DEFAULT_APPLICATION_ID) + "-notifier", instance, channels,
        RetryPolicy.from(s), ctx.metrics());
    return new AlertingStage(ctx, topology, streamsProperties(ctx), worker);
  }

  /** Exactly-once v2, a short commit interval for latency, a state directory per instance, then {@code kafka.*}. */
  public static Properties streamsProperties(StageContext ctx) {
    Settings s = ctx.settings();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.get("alerting.application.id", DEFAULT_APPLICATION_ID));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG,
        Path.of(ctx.stateDir(NAME), s.get("alerting.instance", "default")).toString());
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        Long.toString(s.getDuration("alerting.commit.interval", Duration.ofMillis(100)).toMillis()));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(s.getInt("alerting.threads", 1)));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(s.getInt("pipeline.replication.factor", 1)));
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    ProducerTuning.applyToStreams(p);
    // Purging the repartition topic moves its start past every batch of the live transactional producer; the broker
    // then forgets that producer's sequence state and (with transactions v2) rejects its next write as out of order.
    // So the rule-hits topic is trimmed by retention instead.
    p.put(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, Long.toString(Long.MAX_VALUE));
    p.put(StreamsConfig.topicPrefix(TopicConfig.RETENTION_MS_CONFIG),
        Long.toString(s.getDuration("alerting.hits.retention", Duration.ofHours(24)).toMillis()));
    p.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), Long.toString(Duration.ofHours(1).toMillis()));
    p.putAll(ctx.kafkaProperties());
    return p;
  }

  /** Runs the streams application and the delivery worker together. */
  static final class AlertingStage implements Stage {
    private final StageContext ctx;
    private final Topology topology;
    private final Properties props;
    private final DeliveryWorker worker;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private boolean closed;

    AlertingStage(StageContext ctx, Topology topology, Properties props, DeliveryWorker worker) {
      this.ctx = ctx;
      this.topology = topology;
      this.props = props;
      this.worker = worker;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public synchronized void start() {
      streams = new KafkaStreams(topology, props);
      streams.setUncaughtExceptionHandler(e -> {
        LOG.error("Alerting stream thread failed; replacing it", e);
        return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
            .REPLACE_THREAD;
      });
      streamsMetrics = new KafkaStreamsMetrics(streams);
      streamsMetrics.bindTo(ctx.metrics());
      streams.start();
      worker.start();
      LOG.info("Alerting stage started (application {})", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    /** Ready once the streams application is RUNNING: its tasks assigned and its stores restored. */
    @Override
    public boolean ready() {
      KafkaStreams s = streams;
      return s != null && s.state() == KafkaStreams.State.RUNNING;
    }

    /** Whether the streams application is running (for tests and the status line). */
    synchronized boolean running() {
      return streams != null && streams.state().isRunningOrRebalancing();
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      worker.close();
      if (streams != null) {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
      }
      LOG.info("Alerting stage stopped");
    }
  }
}
