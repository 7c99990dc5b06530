package org.watchfloor.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.app.run.PipelineStatus;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;
import org.watchfloor.runtime.TopicSetup;
import org.watchfloor.runtime.admin.AdminServer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs one stage alone against external Kafka and Elasticsearch until the process is stopped: how Watchfloor is
 * deployed at scale, one service per stage, each scaled out through its Kafka consumer group.
 */
abstract class StageCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StageCommand.class);

  @Mixin ServiceOptions services;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "30s",
      description = "How often to log the stage's counters (default: ${DEFAULT-VALUE}).")
  String statusEvery;

  abstract Stage create(StageContext ctx);

  /** Whether the stage writes to Elasticsearch, so that start-up checks it too. */
  boolean needsElasticsearch() {
    return false;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = services.withAdminPort(services.settings(spec.commandLine()));
    String kafka = services.kafka(settings);
    if (kafka == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "no Kafka to connect to: pass --kafka HOST:PORT or set kafka.bootstrap.servers "
              + "(WATCHFLOOR_KAFKA_BOOTSTRAP_SERVERS); `watchfloor up` starts an embedded one");
    }
    String es = services.elasticsearch(settings);
    if (es == null) {
      es = "http://127.0.0.1:9200";
    }
    services.waitOptions().awaitKafka(settings, kafka, spec.commandLine().getErr());
    if (needsElasticsearch()) {
      services.waitOptions().awaitElasticsearch(settings, es, spec.commandLine().getErr());
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StageContext ctx = new StageContext(settings, kafka, es, registry);
    // Topics are created by whichever stage starts first; auto-creation stays off on real clusters.
    try (Admin admin = Admin.create(ctx.kafkaProperties())) {
      TopicSetup.ensure(admin, settings);
    }
    Stage stage = create(ctx);
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "watchfloor-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    AdminServer adminServer = AdminServer.start(settings, registry, () -> List.of(stage));
    if (adminServer != null) {
      spec.commandLine().getErr().println("watchfloor: " + stage.name() + ": health at " + adminServer.url()
          + "/health, metrics at " + adminServer.url() + "/metrics");
      spec.commandLine().getErr().flush();
    }
    stage.start();
    LOG.info("Stage {} running against Kafka {} (config {})", stage.name(), kafka, settings.configDir());
    long every = org.watchfloor.model.config.Durations.parse(statusEvery).toMillis();
    try {
      while (!stopped.await(every, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        LOG.info("{}: {}", stage.name(), PipelineStatus.counters(registry));
      }
    } finally {
      stage.close();
      if (adminServer != null) {
        adminServer.close();
      }
      LOG.info("Stage {} stopped: {}", stage.name(), PipelineStatus.counters(registry));
      closed.countDown();
    }
    return 0;
  }
}
