package org.watchfloor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.app.bench.RateLimiter;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.devstack.LocalElasticsearch;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.devstack.LocalKafkaCluster;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.TopicSetup;

/**
 * The soak ({@code -Psoak}): the pipeline (enricher, indexer, alerting) on a three-broker KRaft cluster and a real
 * Elasticsearch node, fed {@code soak.rate} articles/s (100) for {@code soak.duration} (30m), with a fault every
 * {@code soak.fault.interval} (3m), in turn: a broker restarted, Elasticsearch restarted, a stage process killed with
 * SIGKILL (and started again), a burst of poison records. Every acknowledged article must be in Elasticsearch and on
 * the enriched topic exactly once; after the warm-up (the first interval) the long-lived stage process's resident
 * memory must grow less than 10 %, and its threads and file descriptors must not grow.
 *
 * <p>The stages run in two child JVMs, as deployed: "main" (enricher, indexer, alerting; sampled from {@code /proc})
 * and "extra" (a second enricher in the same group; the one killed). Its heap is fixed and touched at start
 * ({@code -Xms = -Xmx}, {@code AlwaysPreTouch}) so that resident memory measures growth, not a heap filling up.
 */
class SoakIT {
  private static final Logger LOG = LoggerFactory.getLogger(SoakIT.class);
  private static final int POISON_BURST = 1000;
  /** The faults in turn; {@code -Dsoak.faults=stage,poison} picks others. */
  private static final String[] DEFAULT_FAULTS = {"broker", "elasticsearch", "stage", "poison"};

  private static Duration property(String name, String defaultValue) {
    String v = System.getProperty(name);
    return Durations.parse(v == null || v.isBlank() ? defaultValue : v);
  }

  private static Path configDir() {
    return Path.of(System.getProperty("watchfloor.config", "../../config")).toAbsolutePath().normalize();
  }

  @Test
  void thePipelineLosesAndDuplicatesNothingAndDoesNotGrowUnderFaults() throws Exception {
    Duration duration = property("soak.duration", "30m");
    Duration interval = property("soak.fault.interval", "3m");
    int rate = Integer.parseInt(System.getProperty("soak.rate", "100").isBlank() ? "100"
        : System.getProperty("soak.rate", "100"));
    String run = "soak-" + UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createDirectories(Path.of("target", "soak", run)).toAbsolutePath();
    System.out.printf("soak %s: %d articles/s for %s, a fault every %s; logs in %s%n", run, rate, duration, interval,
        work);

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicLong sendFailures = new AtomicLong();
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    List<ProcSample> samples = new CopyOnWriteArrayList<>();
    List<String> faults = new CopyOnWriteArrayList<>();
    AtomicLong poisonSent = new AtomicLong();
    AtomicLong drainSeconds = new AtomicLong();
    long start = System.currentTimeMillis();

    try (LocalKafkaCluster cluster = LocalKafka.startCluster(3);
        LocalElasticsearch es = LocalElasticsearch.start()) {
      String bootstrap = cluster.bootstrapServers();
      TopicSetup.ensure(cluster.admin(), 3, (short) 3);
      Map<String, String> values = new HashMap<>();
      values.put("enricher.application.id", run + "-enricher");
      values.put("alerting.application.id", run + "-alerting");
      values.put("indexer.group", run + "-indexer");
      values.put("pipeline.partitions", "3");
      values.put("pipeline.replication.factor", "3");
      values.put("elasticsearch.replicas", "0");
      values.put("indexer.backoff.initial", "200ms");
      values.put("indexer.backoff.max", "5s");
      values.put("kafka.session.timeout.ms", "6000");
      values.put("kafka.heartbeat.interval.ms", "1000");

      Map<String, String> mainValues = new HashMap<>(values);
      mainValues.put("enricher.state.dir", work.resolve("state-main").toString());
      mainValues.put("alerting.state.dir", work.resolve("state-main").toString());
      AtomicInteger extraGeneration = new AtomicInteger();
      StageProcess[] extra = new StageProcess[1];

      try (StageProcess main = StageProcess.launch(List.of("enricher", "indexer", "alerting"), bootstrap, es.url(),
          configDir(), mainValues, List.of("-Xms640m", "-Xmx640m", "-XX:+AlwaysPreTouch"), work.resolve("main.log"))) {
        assertThat(main.awaitReady(Duration.ofMinutes(3))).as("main stage process started").isTrue();
        extra[0] = launchExtra(values, bootstrap, es, work, extraGeneration.incrementAndGet());
        assertThat(extra[0].awaitReady(Duration.ofMinutes(3))).as("extra enricher started").isTrue();

        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(bootstrap, run, seen, reading), "soak-reader");
        reader.setDaemon(true);
        reader.start();

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
          Thread t = new Thread(r, "soak-scheduler");
          t.setDaemon(true);
          return t;
        });
        scheduler.scheduleAtFixedRate(() -> {
          try {
            samples.add(ProcSample.of(main.pid(), System.currentTimeMillis() - start));
          } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot sample the main stage process: {}", e.toString());
          }
        }, 0, 10, TimeUnit.SECONDS);

        List<String> kinds = List.of(System.getProperty("soak.faults", "").isBlank()
            ? DEFAULT_FAULTS : System.getProperty("soak.faults").split(","));
        int faultCount = (int) ((duration.toMillis() - 1) / interval.toMillis());
        AtomicInteger next = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
          int n = next.getAndIncrement();
          if (n >= faultCount) {
            return;
          }
          long t0 = System.currentTimeMillis();
          String what;
          try {
            switch (kinds.get(n % kinds.size())) {
              case "broker" -> {
                int broker = cluster.brokerIds().get((n / 4) % cluster.brokerIds().size());
                cluster.stopBroker(broker);
                TimeUnit.SECONDS.sleep(10);
                cluster.startBroker(broker);
                what = "broker " + broker + " restarted";
              }
              case "elasticsearch" -> {
                es.restart();
                what = "Elasticsearch restarted";
              }
              case "stage" -> {
                extra[0].kill();
                extra[0] = launchExtra(values, bootstrap, es, work, extraGeneration.incrementAndGet());
                boolean up = extra[0].awaitReady(Duration.ofMinutes(3));
                what = "extra enricher killed with SIGKILL and started again" + (up ? "" : " (NOT READY)");
              }
              case "poison" -> {
                sendPoison(bootstrap, run, n);
                poisonSent.addAndGet(POISON_BURST);
                what = POISON_BURST + " poison records sent to " + Topics.RAW;
              }
              default -> throw new IllegalArgumentException("unknown fault " + kinds.get(n % kinds.size())
                  + " (soak.faults takes broker, elasticsearch, stage, poison)");
            }
          } catch (Exception e) {
            what = "fault " + n + " failed: " + e;
            LOG.error("Soak fault {} failed", n, e);
          }
          String line = String.format("soak fault %d at %ds: %s (%d ms)", n + 1, (t0 - start) / 1000, what,
              System.currentTimeMillis() - t0);
          faults.add(line);
          System.out.println(line);
          LOG.info("{}", line);
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);

        SyntheticArticles articles = new SyntheticArticles(run, 0, 17);
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
          RateLimiter limiter = new RateLimiter(rate);
          long end = System.nanoTime() + duration.toNanos();
          for (long i = 0; System.nanoTime() < end; i++) {
            limiter.acquire();
            RawArticle a = articles.article(i);
            producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)),
                (meta, error) -> {
                  if (error == null) {
                    acknowledged.add(a.id());
                  } else {
                    sendFailures.incrementAndGet();
                  }
                });
            if (i % 6000 == 0) {
              LOG.info("soak: {} sent, {} enriched seen", i, seen.size());
            }
          }
          producer.flush();
        }
        long sendEnd = System.nanoTime();
        scheduler.shutdown();
        scheduler.awaitTermination(5, TimeUnit.MINUTES);

        long indexed;
        try (ElasticsearchClientHolder client = new ElasticsearchClientHolder(es.url())) {
          // on a shared machine the pipeline may trail the load: wait while it makes progress, up to the duration
          long deadline = System.nanoTime() + Math.max(duration.toNanos(), TimeUnit.MINUTES.toNanos(10));
          long lastProgress = System.nanoTime();
          long progress = -1;
          indexed = client.count(run);
          while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < TimeUnit.MINUTES.toNanos(3)
              && (indexed < acknowledged.size() || !seen.keySet().containsAll(acknowledged))) {
            TimeUnit.SECONDS.sleep(5);
            indexed = client.count(run);
            if (indexed + seen.size() > progress) {
              progress = indexed + seen.size();
              lastProgress = System.nanoTime();
            }
          }
          drainSeconds.set((System.nanoTime() - sendEnd) / 1_000_000_000L);
          TimeUnit.SECONDS.sleep(10);  // a late duplicate has time to show up
          indexed = client.count(run);
        }
        samples.add(ProcSample.of(main.pid(), System.currentTimeMillis() - start));
        reading.set(false);
        reader.join(10_000);
        extra[0].close();

        long sent = acknowledged.size();
        long lostEnriched = acknowledged.stream().filter(id -> !seen.containsKey(id)).count();
        long lost = Math.max(sent - indexed, lostEnriched);
        long duplicated = seen.values().stream().mapToLong(c -> Math.max(0, c - 1)).sum();
        Resources r = Resources.of(samples, interval.toMillis());
        boolean pass = lost == 0 && duplicated == 0 && sendFailures.get() == 0 && r.passed();
        String verdict = String.format("soak: sent=%d delivered=%d lost=%d duplicated=%d verdict=%s", sent, indexed,
            lost, duplicated, pass ? "PASS" : "FAIL");
        String detail = String.format("soak detail: duration=%s rate=%d/s faults=%d poison=%d send_failures=%d "
                + "enriched_seen=%d drain_after_load=%ds %s", duration, rate, faults.size(), poisonSent.get(),
            sendFailures.get(), seen.size(), drainSeconds.get(), r.line());
        Files.write(work.resolve("verdict.txt"), List.of(verdict, detail, String.join("\n", faults)));
        // the curve behind the resource verdict, to tell a leak from a cache filling up
        List<String> csv = new ArrayList<>(List.of("seconds,rss_kb,threads,fds"));
        samples.forEach(x -> csv.add(x.atMillis() / 1000 + "," + x.rssKb() + "," + x.threads() + "," + x.fds()));
        Files.write(work.resolve("samples.csv"), csv);
        System.out.println(detail);
        System.out.println(verdict);
        LOG.info("{}\n{}", detail, verdict);

        assertThat(lost).as("lost").isZero();
        assertThat(duplicated).as("duplicated").isZero();
        assertThat(sendFailures.get()).as("sends that failed").isZero();
        assertThat(r.rssGrowth()).as("resident memory growth after warm-up").isLessThan(0.10);
        assertThat(r.threadsGrew()).as("threads grew: " + r.line()).isFalse();
        assertThat(r.fdsGrew()).as("file descriptors grew: " + r.line()).isFalse();
      } finally {
        if (extra[0] != null) {
          extra[0].close();
        }
      }
    }
  }

  private static StageProcess launchExtra(Map<String, String> values, String bootstrap, LocalElasticsearch es,
      Path work, int generation) throws IOException {
    Map<String, String> v = new HashMap<>(values);
    // a fresh state folder, as a replacement instance on another machine would have
    v.put("enricher.state.dir", work.resolve("state-extra-" + generation).toString());
    return StageProcess.launch(List.of("enricher"), bootstrap, es.url(), configDir(), v, List.of("-Xmx384m"),
        work.resolve("extra-" + generation + ".log"));
  }

  private static void sendPoison(String bootstrap, String run, int fault) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = producer(bootstrap)) {
      for (int i = 0; i < POISON_BURST; i++) {
        String key = "poison-" + run + "-" + fault + "-" + i;
        byte[] value = (i % 2 == 0 ? "{\"schema_version\":1,\"id\":" + i + ",\"text\":[" : "\u0000not json at all")
            .getBytes(StandardCharsets.UTF_8);
        p.send(new ProducerRecord<>(Topics.RAW, key.getBytes(StandardCharsets.UTF_8), value));
      }
      p.flush();
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Counts each of this run's articles on the enriched topic, read_committed, until told to stop. */
  private static void read(String bootstrap, String run, Map<String, Integer> seen, AtomicBoolean reading) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      c.subscribe(List.of(Topics.ENRICHED));
      while (reading.get()) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
          if (key.startsWith(run)) {
            seen.merge(key, 1, Integer::sum);
          }
        }
      }
    }
  }

  /** An Elasticsearch client that counts this run's articles, answering -1 while the node is restarting. */
  private static final class ElasticsearchClientHolder implements AutoCloseable {
    private final ElasticsearchClient client;

    ElasticsearchClientHolder(String url) {
      client = EsClients.create(Settings.of(Map.of(), configDir()), url);
    }

    long count(String run) {
      try {
        client.indices().refresh(r -> r.index(IndexNames.ARTICLES).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(IndexNames.ARTICLES).ignoreUnavailable(true).allowNoIndices(true)
            .query(q -> q.prefix(x -> x.field("article_id").value(run)))).count();
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    @Override
    public void close() {
      EsClients.close(client);
    }
  }

  /** The resource verdict of the sampled process after the warm-up. */
  record Resources(long baseRssKb, long endRssKb, int[] threads, int[] fds, double rssGrowth, boolean threadsGrew,
      boolean fdsGrew, int n) {
    boolean passed() {
      return rssGrowth < 0.10 && !threadsGrew && !fdsGrew;
    }

    /**
     * Growth is judged on the samples after the warm-up: resident memory from the last warm-up sample to the median of
     * the last three; threads and descriptors "grew" when the lowest count of the last third is above the highest of
     * the first third, so that a connection being re-opened during a fault is not taken for a leak.
     */
    static Resources of(List<ProcSample> all, long warmUpMillis) {
      List<ProcSample> after = new ArrayList<>();
      ProcSample base = all.isEmpty() ? null : all.get(0);
      for (ProcSample s : all) {
        if (s.atMillis() < warmUpMillis) {
          base = s;
        } else {
          after.add(s);
        }
      }
      if (base == null || after.size() < 3) {
        return new Resources(0, 0, new int[2], new int[2], 1.0, true, true, after.size());
      }
      int third = Math.max(1, after.size() / 3);
      List<ProcSample> first = after.subList(0, third);
      List<ProcSample> last = after.subList(after.size() - third, after.size());
      List<Long> tail = new ArrayList<>(after.subList(after.size() - 3, after.size()).stream()
          .map(ProcSample::rssKb).toList());
      Collections.sort(tail);
      long end = tail.get(1);
      int firstMaxThreads = first.stream().mapToInt(ProcSample::threads).max().orElse(0);
      int lastMinThreads = last.stream().mapToInt(ProcSample::threads).min().orElse(0);
      int firstMaxFds = first.stream().mapToInt(ProcSample::fds).max().orElse(0);
      int lastMinFds = last.stream().mapToInt(ProcSample::fds).min().orElse(0);
      return new Resources(base.rssKb(), end, new int[] {firstMaxThreads, lastMinThreads},
          new int[] {firstMaxFds, lastMinFds}, (end - base.rssKb()) / (double) base.rssKb(),
          lastMinThreads > firstMaxThreads, lastMinFds > firstMaxFds, after.size());
    }

    String line() {
      return String.format("rss_mb=%d->%d (%+.1f%%) threads=%d->%d fds=%d->%d samples=%d", baseRssKb / 1024,
          endRssKb / 1024, rssGrowth * 100, threads[0], threads[1], fds[0], fds[1], n);
    }
  }
}
