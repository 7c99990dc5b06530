package org.watchfloor.app.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.desk.Desk;
import org.watchfloor.desk.server.DeskSettings;
import org.watchfloor.desk.server.DeskStartException;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.config.Settings;
import org.watchfloor.pages.PagesApp;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;
import org.watchfloor.runtime.TopicSetup;
import org.watchfloor.runtime.admin.AdminServer;

/**
 * Every stage in one process: embedded Kafka and Elasticsearch unless external ones are given, the demo source when
 * asked, and the stages started downstream-first so that nothing produced waits for a consumer.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /**
   * What to run: settings, external services (null means embedded), whether to add the demo source, and the desk's
   * settings (null runs no desk).
   */
  public record Options(Settings settings, String kafka, String elasticsearch, boolean demo, DeskSettings desk) {
    public Options {
      Objects.requireNonNull(settings, "settings");
    }

    /** Without the desk. */
    public Options(Settings settings, String kafka, String elasticsearch, boolean demo) {
      this(settings, kafka, elasticsearch, demo, null);
    }
  }

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // read by the admin server's thread while the stages start and stop
  private final List<Stage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
  private AdminServer adminServer;
  private LocalStack local;
  private Admin admin;
  private String bootstrapServers;
  private String elasticsearchUrl;
  private Path stateDir;
  private Desk desk;
  private String deskProblem;
  private final MemorySampler memory = new MemorySampler(
      () -> local == null ? OptionalLong.empty() : local.elasticsearchPid());

  private Pipeline() {}

  public static Pipeline start(Options options) {
    Pipeline p = new Pipeline();
    try {
      p.startServices(options);
      // served before the stages start, so that an orchestrator sees "not ready" rather than nothing
      p.adminServer = AdminServer.start(options.settings(), p.registry, () -> p.stages);
      p.startStages(options);
      p.startDesk(options);
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void startServices(Options options) {
    boolean embeddedKafka = options.kafka() == null;
    boolean embeddedElasticsearch = options.elasticsearch() == null;
    if (embeddedKafka || embeddedElasticsearch || options.demo()) {
      local = LocalStack.start(embeddedKafka, embeddedElasticsearch, options.demo());
    }
    bootstrapServers = embeddedKafka ? local.bootstrapServers() : options.kafka();
    elasticsearchUrl = embeddedElasticsearch ? local.elasticsearchUrl() : options.elasticsearch();
    Properties adminProps = options.settings().kafkaProperties();
    adminProps.put("bootstrap.servers", bootstrapServers);
    admin = Admin.create(adminProps);
    TopicSetup.ensure(admin, options.settings());
  }

  private void startStages(Options options) {
    Settings settings = options.settings();
    if (options.kafka() == null) {
      // Streams state belongs to the embedded broker, which is deleted on exit: keep it beside it, not in ./data.
      try {
        stateDir = Files.createTempDirectory("watchfloor-streams-");
        local.watchDir(stateDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a state directory", e);
      }
      settings = settings.with("enricher.state.dir", stateDir.toString())
          .with("alerting.state.dir", stateDir.toString());
    }
    if (options.demo()) {
      // The demo site is one loopback host: a short per-host delay keeps the demo within seconds.
      settings = settings.with("pages.host.delay", settings.get("pages.demo.host.delay", "50ms"));
      settings = settings.with("feeds.startup.jitter", "0ms");
    }
    StageContext ctx = new StageContext(settings, bootstrapServers, elasticsearchUrl, registry);
    List<Source> extra = local == null ? List.of() : local.demoSources();
    // Downstream first, so that each stage's consumer is there before its input arrives.
    add(IndexerApp.create(ctx));
    add(AlertingApp.create(ctx));
    add(EnricherApp.create(ctx));
    add(PagesApp.create(ctx));
    add(FeedsApp.create(ctx, extra));
  }

  /** The desk is a window on the pipeline: when it cannot start, the pipeline runs on and says why. */
  private void startDesk(Options options) {
    if (options.desk() == null) {
      return;
    }
    try {
      desk = Desk.start(options.desk(), options.settings(), bootstrapServers, elasticsearchUrl);
    } catch (DeskStartException e) {
      deskProblem = e.getMessage();
      LOG.warn("The desk did not start: {}", e.getMessage());
    }
  }

  /** The desk's address, or null when no desk runs. */
  public String deskUrl() {
    return desk == null ? null : desk.url();
  }

  /** Why the desk did not start, or null. */
  public String deskProblem() {
    return deskProblem;
  }

  private void add(Stage stage) {
    stage.start();
    stages.add(stage);
    LOG.info("Stage {} started", stage.name());
  }

  public MeterRegistry metrics() {
    return registry;
  }

  /** The health and metrics server's base URL, or null when {@code admin.port} is -1. */
  public String adminUrl() {
    return adminServer == null ? null : adminServer.url();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String elasticsearchUrl() {
    return elasticsearchUrl;
  }

  /** The embedded services and the demo site, or null when every service is external and there is no demo. */
  public LocalStack localStack() {
    return local;
  }

  /** Peak memory of this process and the embedded Elasticsearch node, sampled at each status. */
  public MemorySampler memory() {
    return memory;
  }

  public PipelineStatus status() {
    memory.sample();
    return PipelineStatus.of(registry, admin == null ? -1 : PipelineStatus.consumerLag(admin));
  }

  /** Stops the stages upstream-first, then the services; never throws. */
  @Override
  public void close() {
    closeQuietly(desk, "desk");
    desk = null;
    if (adminServer != null) {
      adminServer.close();
      adminServer = null;
    }
    for (int i = stages.size() - 1; i >= 0; i--) {
      Stage s = stages.get(i);
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("Stage {} did not close cleanly", s.name(), e);
      }
    }
    stages.clear();
    closeQuietly(admin, "admin client");
    if (local != null) {
      local.close();
    }
    if (stateDir != null) {
      deleteTree(stateDir);
      stateDir = null;
    }
    admin = null;
    local = null;
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", dir, e);
    }
  }

  /** Closes {@code c} if there is one, logging a failure instead of throwing it. */
  static void closeQuietly(AutoCloseable c, String what) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Could not close the {}", what, e);
    }
  }
}
