package org.watchfloor.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.app.run.LocalStack;
import org.watchfloor.app.run.PipelineStatus;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;
import org.watchfloor.runtime.TopicSetup;

/**
 * Runs one end-to-end benchmark on a fresh embedded broker and Elasticsearch node: the baseline first, then synthetic
 * raw articles at a controlled rate through the enricher, indexer and alerting stages, measuring throughput, latency
 * to searchable and to alert delivered, peak memory and consumer lag.
 */
public final class BenchRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);
  /** The cold start reported on its own line. */
  static final Duration COLD_START = Duration.ofMinutes(1);
  /** Steady state is judged on windows this long. */
  static final Duration WARM_UP_WINDOW = Duration.ofSeconds(10);
  /** At the ceiling the warm-up keeps at most this many articles waiting. */
  private static final long WARM_UP_BACKLOG = 3000;
  private static final AtomicLong PRODUCER_IDS = new AtomicLong();

  /** What to run. {@code articles} of 0 means rate times duration. */
  public record Options(double rate, Duration duration, long articles, Path configDir, int sampleEvery,
      int markerEvery, long baselineArticles, Duration drainTimeout, int partitions, long warmUp,
      Duration maxWarmUp) {
    public Options {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(configDir, "configDir");
      Objects.requireNonNull(drainTimeout, "drainTimeout");
      Objects.requireNonNull(maxWarmUp, "maxWarmUp");
    }

    /** Whether the warm-up runs until the enrich rate is steady ({@code warmUp} of 0) rather than a fixed count. */
    public boolean steadyWarmUp() {
      return warmUp <= 0;
    }

    /** Articles this run produces. */
    public long total() {
      if (articles > 0) {
        return articles;
      }
      return Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    }
  }

  private final Options options;
  private final String run = "b" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<String, Long> searchPending = new ConcurrentHashMap<>();
  private final Map<String, Long> alertPending = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> searchLatencies = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> alertLatencies = new ConcurrentLinkedQueue<>();
  private final List<BenchResult.Sample> timeline = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Long> coldAlertPending = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> coldAlertLatencies = new ConcurrentLinkedQueue<>();
  private BenchResult.WarmUp warmUpResult;
  private BenchResult.ColdStart coldStart;
  private volatile boolean stop;
  private volatile PipelineStatus base = new PipelineStatus(0, 0, 0, 0, 0, 0, 0, 0);
  private long peakSelfKb;
  private long peakEsKb;
  private long peakTotalKb;

  private BenchRunner(Options options) {
    this.options = options;
  }

  public static BenchResult run(Options options) {
    return new BenchRunner(options).execute();
  }

  private BenchResult execute() {
    Instant startedAt = Instant.now();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Path work;
    try {
      work = Files.createTempDirectory("watchfloor-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory", e);
    }
    LOG.info("Benchmark {}: starting embedded Kafka and Elasticsearch", run);
    List<Stage> stages = new ArrayList<>();
    try (LocalStack local = LocalStack.start(true, true, false);
        WebhookReceiver receiver = WebhookReceiver.start()) {
      try {
        return measure(local, receiver, work, startedAt, load, stages);
      } finally {
        stop = true;
        for (int i = stages.size() - 1; i >= 0; i--) {
          try {
            stages.get(i).close();
          } catch (RuntimeException e) {
            LOG.warn("Stage {} did not close cleanly", stages.get(i).name(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (IOException e) {
      throw new UncheckedIOException("benchmark failed: " + e.getMessage(), e);
    } finally {
      deleteTree(work);
    }
  }

  private BenchResult measure(LocalStack local, WebhookReceiver receiver, Path work, Instant startedAt, double load,
      List<Stage> stages) throws InterruptedException, IOException {
    {
      String bootstrap = local.bootstrapServers();
      Admin admin = local.admin();
      TopicSetup.ensure(admin, options.partitions(), (short) 1);
      SyntheticArticles articles = new SyntheticArticles(run, options.markerEvery(), 7);

      BenchResult.Baseline baseline = Baseline.measure(bootstrap, admin,
          new SyntheticArticles(run + "-base", 0, 11), options.baselineArticles(), work.resolve("baseline"),
          options.partitions());

      receiver.onFirstDelivery(this::alertDelivered);
      Settings settings = settings(work, receiver.url());
      StageContext ctx = new StageContext(settings, bootstrap, local.elasticsearchUrl(), registry);
      for (Stage s : List.of(IndexerApp.create(ctx), AlertingApp.create(ctx), EnricherApp.create(ctx))) {
        s.start();
        stages.add(s);
      }
      ElasticsearchClient client = EsClients.create(settings, local.elasticsearchUrl());
      warmUp(bootstrap);
      CpuBreakdown.Snapshot cpuFrom = CpuBreakdown.take(local.elasticsearchPid());
      long t0 = System.nanoTime();
      Thread sampler = daemon("bench-sampler", () -> sampleLoop(admin, local, t0));
      Thread poller = daemon("bench-search-poller", () -> pollSearchable(client));
      sampler.start();
      poller.start();

      long total = options.total();
      long producedAt = produce(bootstrap, articles, total);
      double produceSeconds = (producedAt - t0) / 1e9;
      long expectedAlerts = 0;
      for (long i = 0; i < total; i++) {
        if (articles.isMarker(i)) {
          expectedAlerts++;
        }
      }
      LOG.info("Produced {} articles in {} s; draining", acked.get(), String.format("%.1f", produceSeconds));
      boolean drained = drain(total, expectedAlerts);
      CpuBreakdown.Snapshot cpuTo = CpuBreakdown.take(local.elasticsearchPid());
      stop = true;
      sampler.join(5000);
      poller.join(5000);
      EsClients.close(client);

      PipelineStatus status = status(PipelineStatus.consumerLag(admin));
      BenchResult.Throughput throughput = new BenchResult.Throughput(
          acked.get() / produceSeconds,
          rate(t0, s -> s.enriched()),
          rate(t0, s -> s.indexed()),
          rate(t0, s -> s.indexed()));
      if (!drained) {
        notes.add("the pipeline did not catch up within the drain timeout of " + options.drainTimeout());
      }
      if (failed.get() > 0) {
        notes.add(failed.get() + " produce requests failed");
      }
      List<String> unclaimed = CpuBreakdown.unclaimed(cpuFrom, cpuTo, 5);
      if (!unclaimed.isEmpty()) {
        notes.add("busiest launcher threads no component claims: " + String.join(", ", unclaimed));
      }
      notes.add("one JVM runs the broker, the three stages and the load generator; Elasticsearch is a child process");
      notes.add("searchable latency is polled every 100 ms against refresh_interval 1s; resolution about 100 ms");
      BenchResult.Counts counts = new BenchResult.Counts(acked.get(), status.enriched(), status.indexed(),
          status.alerts(), status.delivered(), expectedAlerts, receiver.duplicatedKeys(), status.deadLetters(),
          drained);
      BenchResult.Ratios ratios = new BenchResult.Ratios(
          baseline.produceConsumePerSecond() > 0 ? throughput.endToEnd() / baseline.produceConsumePerSecond() : 0,
          baseline.passThroughStreamsPerSecond() > 0
              ? throughput.enrich() / baseline.passThroughStreamsPerSecond() : 0);
      BenchResult.Settings asked = new BenchResult.Settings(options.rate(), options.duration().toMillis() / 1000.0,
          total, options.sampleEvery(), options.markerEvery(), "1s");
      BenchResult.Machine machine = new BenchResult.Machine(Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"), load);
      synchronized (this) {
        return new BenchResult(startedAt, machine, asked, counts, throughput,
            Percentiles.of(searchLatencies), Percentiles.of(alertLatencies),
            new BenchResult.Memory(peakSelfKb / 1024, peakEsKb / 1024, peakTotalKb / 1024), baseline, ratios,
            List.copyOf(timeline), warmUpResult, coldStart, CpuBreakdown.between(cpuFrom, cpuTo),
            List.copyOf(notes));
      }
    }
  }

  private Settings settings(Path work, String webhookUrl) throws IOException {
    Path rules = work.resolve("bench-alert-rules.yaml");
    Files.writeString(rules, """
        channels:
          bench-hook: {type: webhook, url: "%s"}
        rules:
          - id: bench-marker
            name: Benchmark marker articles
            type: match
            filter: {sources: [%s]}
            channels: [bench-hook]
        """.formatted(webhookUrl, SyntheticArticles.MARKER_SOURCE));
    return Settings.load(options.configDir())
        .with("alerting.rules.file", rules.toString())
        .with("alerting.webhook.secret", "bench")
        .with("alerting.notify.allow.private", "true")
        .with("enricher.state.dir", work.resolve("streams").toString())
        .with("alerting.state.dir", work.resolve("streams").toString())
        .with("pipeline.partitions", Integer.toString(options.partitions()));
  }

  /** Produces {@code total} articles at the configured rate; returns the nano time the last one was acknowledged. */
  private long produce(String bootstrap, SyntheticArticles articles, long total) {
    RateLimiter limiter = new RateLimiter(options.rate());
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      for (long i = 0; i < total; i++) {
        limiter.acquire();
        RawArticle a = articles.article(i);
        long now = System.currentTimeMillis();
        if (options.sampleEvery() > 0 && i % options.sampleEvery() == 0) {
          searchPending.put(a.id(), now);
        }
        if (articles.isMarker(i)) {
          alertPending.put(a.id(), now);
        }
        producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)),
            (meta, error) -> {
              if (error == null) {
                acked.incrementAndGet();
              } else {
                failed.incrementAndGet();
                LOG.warn("Article {} not produced", a.id(), error);
              }
            });
      }
      producer.flush();
    }
    return System.nanoTime();
  }

  /**
   * Sends unmeasured articles through first, so that start-up (group rebalances, the JIT compiling the classifier and
   * the clients, index creation) is left out; counters restart from there. By default the warm-up runs at the
   * measured pace until the enrich rate is steady (or {@code --max-warm-up} passes, which the report says); with
   * {@code --warm-up N} it sends N articles. Either way its first minute is reported on its own line: the cold start a
   * desk lives through after every deploy.
   */
  private void warmUp(String bootstrap) throws InterruptedException {
    SyntheticArticles warm = new SyntheticArticles(run + "-warmup", options.markerEvery(), 3);
    long start = System.nanoTime();
    long coldLimit = start + COLD_START.toNanos();
    long coldEnd = coldLimit;
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicLong sent = new AtomicLong();
    long limit = options.steadyWarmUp() ? Long.MAX_VALUE : options.warmUp();
    Thread producerThread = daemon("bench-warm-up", () -> {
      RateLimiter limiter = new RateLimiter(options.rate());
      try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
        for (long i = 0; i < limit && producing.get(); i++) {
          limiter.acquire();
          // as fast as possible still keeps the backlog bounded, so that the drain after the warm-up is short
          while (options.rate() <= 0 && i % 100 == 0
              && i - PipelineStatus.of(registry, 0).enriched() > WARM_UP_BACKLOG && producing.get()) {
            sleepQuietly(5);
          }
          RawArticle a = warm.article(i);
          if (warm.isMarker(i) && System.nanoTime() < coldLimit) {
            coldAlertPending.put(a.id(), System.currentTimeMillis());
          }
          producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
          sent.incrementAndGet();
        }
      }
    });
    producerThread.start();

    SteadyState steady = new SteadyState(3, 0.10, options.rate());
    long coldEnriched = -1;
    long windowStart = System.nanoTime();
    long windowEnriched = 0;
    long maxEnd = start + options.maxWarmUp().toNanos();
    boolean isSteady = false;
    while (producerThread.isAlive() || coldEnriched < 0) {
      TimeUnit.MILLISECONDS.sleep(200);
      long now = System.nanoTime();
      long enriched = PipelineStatus.of(registry, 0).enriched();
      if (coldEnriched < 0 && now >= coldEnd) {
        coldEnriched = enriched;
      }
      if (now - windowStart >= WARM_UP_WINDOW.toNanos()) {
        isSteady = steady.add((enriched - windowEnriched) / ((now - windowStart) / 1e9));
        windowStart = now;
        windowEnriched = enriched;
        LOG.info("Warm-up: {} s, enrich {}/s over the last window{}", Math.round((now - start) / 1e9),
            Math.round(steady.rates().get(steady.rates().size() - 1)), isSteady ? ", steady" : "");
      }
      if (options.steadyWarmUp() && now >= coldEnd && (isSteady || now >= maxEnd)) {
        producing.set(false);
      }
      if (!options.steadyWarmUp() && !producerThread.isAlive() && coldEnriched < 0) {
        // a fixed warm-up shorter than a minute: its whole length stands for the cold start
        coldEnriched = enriched;
        coldEnd = now;
      }
    }
    producerThread.join();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while ((PipelineStatus.of(registry, 0).indexed() < sent.get() || !coldAlertPending.isEmpty())
        && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    double coldSeconds = Math.max(1e-3, Math.min(COLD_START.toNanos(), coldEnd - start) / 1e9);
    coldStart = new BenchResult.ColdStart(Math.round(coldSeconds * 10) / 10.0, coldEnriched / coldSeconds,
        Percentiles.of(coldAlertLatencies));
    base = PipelineStatus.of(registry, 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    warmUpResult = new BenchResult.WarmUp(options.steadyWarmUp() ? "steady" : "fixed", isSteady,
        Math.round(seconds * 10) / 10.0, sent.get(), WARM_UP_WINDOW.toMillis() / 1000.0, steady.rates());
    if (base.indexed() < sent.get()) {
      notes.add("the warm-up's articles were not all indexed within 180 s; start-up is partly in the figures");
    }
    if (options.steadyWarmUp() && !isSteady) {
      notes.add("NOT STEADY: the enrich rate still varied by more than 10 % between " + WARM_UP_WINDOW.toSeconds()
          + " s windows after " + options.maxWarmUp().toSeconds() + " s of warm-up; the figures include warm-up");
    }
    notes.add("warm-up: " + sent.get() + " articles in " + Math.round(seconds) + " s ("
        + (options.steadyWarmUp() ? "until steady" : "a fixed count") + "), not counted");
    LOG.info("Warm-up done: {} articles indexed; measuring from now", base.indexed());
  }

  /** The counters since the warm-up. */
  private PipelineStatus status(long lag) {
    PipelineStatus s = PipelineStatus.of(registry, lag);
    PipelineStatus b = base;
    return new PipelineStatus(s.entries() - b.entries(), s.fetched() - b.fetched(), s.enriched() - b.enriched(),
        s.indexed() - b.indexed(), s.alerts() - b.alerts(), s.delivered() - b.delivered(),
        s.deadLetters() - b.deadLetters(), lag);
  }

  private boolean drain(long total, long expectedAlerts) throws InterruptedException {
    long deadline = System.nanoTime() + options.drainTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      PipelineStatus s = status(0);
      if (s.indexed() >= acked.get() - s.deadLetters() && searchPending.isEmpty()
          && s.delivered() >= expectedAlerts && alertPending.isEmpty()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }

  private void alertDelivered(String key, byte[] body) {
    long now = System.currentTimeMillis();
    try {
      Alert alert = Json.read(body, Alert.class);
      for (String id : alert.articleIds()) {
        Long at = alertPending.remove(id);
        if (at != null) {
          alertLatencies.add(now - at);
        }
        Long coldAt = coldAlertPending.remove(id);
        if (coldAt != null) {
          coldAlertLatencies.add(now - coldAt);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Alert {} could not be read", key, e);
    }
  }

  private void pollSearchable(ElasticsearchClient client) {
    while (!stop) {
      try {
        List<String> ids = new ArrayList<>(searchPending.keySet());
        if (!ids.isEmpty()) {
          List<String> batch = ids.subList(0, Math.min(1000, ids.size()));
          var response = client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true)
              .allowNoIndices(true).size(batch.size()).source(src -> src.fetch(false))
              .query(q -> q.ids(i -> i.values(batch))), Void.class);
          long now = System.currentTimeMillis();
          for (Hit<Void> hit : response.hits().hits()) {
            Long at = searchPending.remove(hit.id());
            if (at != null) {
              searchLatencies.add(now - at);
            }
          }
        }
        TimeUnit.MILLISECONDS.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        LOG.debug("Search poll failed, retrying", e);
        sleepQuietly(500);
      }
    }
  }

  private void sampleLoop(Admin admin, LocalStack local, long t0) {
    while (!stop) {
      long self = Rss.kb(ProcessHandle.current().pid());
      OptionalLong esPid = local.elasticsearchPid();
      long esKb = esPid.isPresent() ? Rss.treeKb(esPid.getAsLong()) : 0;
      long lag = PipelineStatus.consumerLag(admin);
      PipelineStatus s = status(lag);
      synchronized (this) {
        peakSelfKb = Math.max(peakSelfKb, self);
        peakEsKb = Math.max(peakEsKb, esKb);
        peakTotalKb = Math.max(peakTotalKb, self + esKb);
      }
      double t = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
      timeline.add(new BenchResult.Sample(t, acked.get(), s.enriched(), s.indexed(), s.delivered(), lag,
          self / 1024, esKb / 1024));
      if (timeline.size() % 5 == 0) {
        LOG.info("t={}s produced={} enriched={} indexed={} alerts_delivered={} lag={} rss_mb={}+{}", t, acked.get(),
            s.enriched(), s.indexed(), s.delivered(), lag, self / 1024, esKb / 1024);
      }
      sleepQuietly(1000);
    }
  }

  /** A stage's sustained rate: its final count over the time from the start to the sample where it got there. */
  private double rate(long t0, java.util.function.ToLongFunction<BenchResult.Sample> count) {
    List<BenchResult.Sample> samples;
    synchronized (timeline) {
      samples = List.copyOf(timeline);
    }
    if (samples.isEmpty()) {
      return 0;
    }
    long last = count.applyAsLong(samples.get(samples.size() - 1));
    for (BenchResult.Sample s : samples) {
      if (count.applyAsLong(s) >= last && s.t() > 0) {
        return last / s.t();
      }
    }
    return 0;
  }

  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // named, so that the CPU breakdown counts its network thread as the load generator's
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-bench-load-" + PRODUCER_IDS.incrementAndGet());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void sleepQuietly(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", dir, e);
    }
  }
}
