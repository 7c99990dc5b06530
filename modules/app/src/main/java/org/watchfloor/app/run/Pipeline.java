package org.watchfloor.app.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.devstack.LocalElasticsearch;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.devstack.SampleSource;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.config.Settings;
import org.watchfloor.pages.PagesApp;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;
import org.watchfloor.runtime.TopicSetup;

/**
 * Every stage in one process: embedded Kafka and Elasticsearch unless external ones are given, the demo source when
 * asked, and the stages started downstream-first so that nothing produced waits for a consumer.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** What to run: settings, external services (null means embedded) and whether to add the demo source. */
  public record Options(Settings settings, String kafka, String elasticsearch, boolean demo) {
    public Options {
      Objects.requireNonNull(settings, "settings");
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Stage> stages = new ArrayList<>();
  private LocalKafka kafka;
  private LocalElasticsearch elasticsearch;
  private SampleSource sample;
  private Admin admin;
  private String bootstrapServers;
  private String elasticsearchUrl;
  private Path stateDir;
  private final MemorySampler memory = new MemorySampler(
      () -> elasticsearch == null ? OptionalLong.empty() : elasticsearch.pid());

  private Pipeline() {}

  public static Pipeline start(Options options) {
    Pipeline p = new Pipeline();
    try {
      p.startServices(options);
      p.startStages(options);
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void startServices(Options options) {
    CompletableFuture<LocalElasticsearch> es = null;
    if (options.elasticsearch() == null) {
      LOG.info("Starting the embedded Elasticsearch node (about 15 s)");
      es = CompletableFuture.supplyAsync(LocalElasticsearch::start);
    }
    if (options.kafka() == null) {
      LOG.info("Starting the embedded Kafka broker");
      kafka = LocalKafka.start();
      bootstrapServers = kafka.bootstrapServers();
    } else {
      bootstrapServers = options.kafka();
    }
    if (es != null) {
      try {
        elasticsearch = es.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      elasticsearchUrl = elasticsearch.url();
    } else {
      elasticsearchUrl = options.elasticsearch();
    }
    Properties adminProps = options.settings().kafkaProperties();
    adminProps.put("bootstrap.servers", bootstrapServers);
    admin = Admin.create(adminProps);
    TopicSetup.ensure(admin, options.settings().getInt("pipeline.partitions", 3),
        (short) options.settings().getInt("pipeline.replication.factor", 1));
    if (options.demo()) {
      sample = SampleSource.start();
      LOG.info("Demo source serving {} articles at {}", sample.articles().size(), sample.baseUrl());
    }
  }

  private void startStages(Options options) {
    Settings settings = options.settings();
    if (kafka != null) {
      // Streams state belongs to the embedded broker, which is deleted on exit: keep it beside it, not in ./data.
      try {
        stateDir = Files.createTempDirectory("watchfloor-streams-");
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
    List<Source> extra = sample == null ? List.of() : DemoSources.of(sample);
    // Downstream first, so that each stage's consumer is there before its input arrives.
    add(IndexerApp.create(ctx));
    add(AlertingApp.create(ctx));
    add(EnricherApp.create(ctx));
    add(PagesApp.create(ctx));
    add(FeedsApp.create(ctx, extra));
  }

  private void add(Stage stage) {
    stage.start();
    stages.add(stage);
    LOG.info("Stage {} started", stage.name());
  }

  public MeterRegistry metrics() {
    return registry;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String elasticsearchUrl() {
    return elasticsearchUrl;
  }

  /** The demo source, or null when not running the demo. */
  public SampleSource sample() {
    return sample;
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
    closeQuietly(sample, "demo source");
    closeQuietly(kafka, "embedded Kafka");
    closeQuietly(elasticsearch, "embedded Elasticsearch");
    if (stateDir != null) {
      deleteTree(stateDir);
      stateDir = null;
    }
    admin = null;
    sample = null;
    kafka = null;
    elasticsearch = null;
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", dir, e);
    }
  }

  private static void closeQuietly(AutoCloseable c, String what) {
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
