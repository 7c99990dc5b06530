package org.watchfloor.enricher.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.Classifier;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.enricher.EnrichmentListener;
import org.watchfloor.enricher.EnrichmentOptions;
import org.watchfloor.enricher.EnrichmentTopology;
import org.watchfloor.enricher.TestClassifier;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.StageContext;

/**
 * Throughput of the enrichment topology against a pass-through Streams application, both exactly-once with the
 * enricher's own Streams configuration, on the same synthetic raw articles in one in-process broker.
 *
 * <pre>
 * ./mvnw -q -o -pl modules/enricher exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.watchfloor.enricher.bench.TopologyThroughputBench 20000 config 1"
 * </pre>
 *
 * Arguments: number of articles (20000); config directory holding the classifier's YAML (config), or
 * {@code constant} for a fixed classification that leaves the topology's own cost; stream threads of both
 * applications (1). Without the YAML files a marker-driven stand-in classifier is used, and the output says so.
 * It runs in its own JVM ({@code exec:exec}): under {@code exec:java} lz4-java falls back to its pure-Java codec, which
 * the launcher never uses, and compression would dominate the figures.
 */
public final class TopologyThroughputBench {
  private static final String PASS_THROUGH_OUT = "bench.passthrough.v1";
  private static final int PARTITIONS = 3;
  private static final int ROUNDS = 3;

  private TopologyThroughputBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.watchfloor.enricher.bench", "info");
    Logger log = LoggerFactory.getLogger(TopologyThroughputBench.class);
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path configDir = Path.of(args.length > 1 ? args[1] : "config");
    // exec:exec runs in the module's folder; a relative path may be meant from the repository root
    if (!Files.exists(configDir) && !configDir.isAbsolute() && Files.isDirectory(Path.of("../..").resolve(configDir))) {
      configDir = Path.of("../..").resolve(configDir).toAbsolutePath().normalize();
    }
    Classifier classifier;
    String classifierName;
    if (configDir.toString().equals("constant")) {
      classifier = constantClassifier();
      classifierName = "constant classifier (topology cost only)";
    } else if (Files.isRegularFile(configDir.resolve(Classifiers.ACTORS_FILE))) {
      classifier = Classifiers.loadAndWarmUp(configDir);
      classifierName = "RuleClassifier from " + configDir.toAbsolutePath();
    } else {
      classifier = new TestClassifier();
      classifierName = "stand-in TestClassifier (no " + configDir.resolve(Classifiers.ACTORS_FILE) + ")";
    }
    Path stateRoot = Files.createTempDirectory("watchfloor-bench-streams-");
    try (LocalKafka kafka = LocalKafka.start()) {
      kafka.createTopics(PARTITIONS);
      kafka.createTopic(PASS_THROUGH_OUT, PARTITIONS, Map.of());
      long bytes = load(kafka.bootstrapServers(), n);
      log.info("Loaded {} raw articles, {} KB on average, into {} partitions; classifier: {}", n,
          String.format("%.1f", bytes / n / 1024.0), PARTITIONS, classifierName);
      log.info("lz4 codec in this JVM: {}", lz4Implementation());
      double classifierRate = classifierRate(classifier, n);
      log.info("Classifier alone, one thread, same articles, best of 3 passes after 20,000 warm-up: {} articles/s",
          fmt(classifierRate));
      Rate[] pass = new Rate[ROUNDS];
      Rate[] enrich = new Rate[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        pass[round] = run(kafka, stateRoot, "bench-pass-" + round, n, threads, passThrough(), null);
        AtomicLong enriched = new AtomicLong();
        AtomicLong copies = new AtomicLong();
        EnrichmentOptions options = EnrichmentOptions.defaults().withListener(new EnrichmentListener() {
          @Override
          public void enriched(String articleId, String storyId, String duplicateOf) {
            if (duplicateOf != null) {
              copies.incrementAndGet();
            }
            enriched.incrementAndGet();
          }
        });
        enrich[round] = run(kafka, stateRoot, "bench-enrich-" + round, n, threads,
            EnrichmentTopology.build(classifier, options), enriched);
        if (System.getProperty("bench.lite") != null) {
          Rate lite = run(kafka, stateRoot, "bench-lite-" + round, n, threads, parseClassifyWrite(classifier), null);
          log.info("Round {}: parse, classify, write only: {} articles/s ({} us CPU each)", round + 1,
              fmt(lite.perSecond()), fmt(lite.cpuMicrosPerArticle()));
        }
        log.info("Round {}: {} of {} articles marked as near-duplicates", round + 1, copies.get(), n);
        log.info("Round {}: pass-through {} articles/s ({} us CPU each), enrichment {} articles/s ({} us CPU each), "
            + "ratio {}", round + 1, fmt(pass[round].perSecond()), fmt(pass[round].cpuMicrosPerArticle()),
            fmt(enrich[round].perSecond()), fmt(enrich[round].cpuMicrosPerArticle()),
            String.format("%.2f", enrich[round].perSecond() / pass[round].perSecond()));
      }
      // round 1 warms the JIT up for both applications and is left out of the result
      Rate bestPass = best(Arrays.copyOfRange(pass, 1, ROUNDS));
      Rate bestEnrich = best(Arrays.copyOfRange(enrich, 1, ROUNDS));
      log.info("RESULT n={} exactly_once_v2 partitions={} threads={}: pass-through {} articles/s, enrichment {} "
          + "articles/s, ratio {} (best of {} rounds after a warm-up); CPU per article (broker + app) {} us vs {} us, "
          + "CPU-normalised ratio {}", n, PARTITIONS, threads, fmt(bestPass.perSecond()), fmt(bestEnrich.perSecond()),
          String.format("%.2f", bestEnrich.perSecond() / bestPass.perSecond()), ROUNDS - 1,
          fmt(bestPass.cpuMicrosPerArticle()), fmt(bestEnrich.cpuMicrosPerArticle()),
          String.format("%.2f", bestPass.cpuMicrosPerArticle() / bestEnrich.cpuMicrosPerArticle()));
      // enrichment does at least what the pass-through does, plus classification: a ceiling no topology can pass
      double classifyMicros = 1e6 / classifierRate;
      log.info("CEILING: pass-through {} us + classification alone {} us per article: CPU-normalised ratio at most {} "
          + "on this machine", fmt(bestPass.cpuMicrosPerArticle()), fmt(classifyMicros),
          String.format("%.2f", bestPass.cpuMicrosPerArticle() / (bestPass.cpuMicrosPerArticle() + classifyMicros)));
    } finally {
      deleteTree(stateRoot);
    }
  }

  /** Wall-clock rate, and JVM CPU time (broker and application together) per article. */
  record Rate(double perSecond, double cpuMicrosPerArticle) {}

  /** Runs one application until it has handled all {@code n} articles. */
  private static Rate run(LocalKafka kafka, Path stateRoot, String appId, int n, int threads, Topology topology,
      AtomicLong enrichedCounter) throws InterruptedException {
    AtomicLong counter = enrichedCounter != null ? enrichedCounter : PASSED;
    counter.set(0);
    Settings settings = Settings.of(Map.of(
        "enricher.application.id", appId,
        "enricher.state.dir", stateRoot.resolve(appId).toString(),
        "enricher.threads", Integer.toString(threads)), stateRoot);
    Properties props = EnricherApp.streamsProperties(
        new StageContext(settings, kafka.bootstrapServers(), null, new SimpleMeterRegistry()));
    props.put(StreamsConfig.CONSUMER_PREFIX + "auto.offset.reset", "earliest");
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      long first = 0;
      long cpuFirst = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (counter.get() < n) {
        if (first == 0 && counter.get() > 0) {
          first = System.nanoTime();
          cpuFirst = processCpuNanos();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(appId + " handled only " + counter.get() + " of " + n + " articles");
        }
        Thread.sleep(5);
      }
      long elapsed = System.nanoTime() - first;
      long cpu = processCpuNanos() - cpuFirst;
      streams.close(Duration.ofSeconds(30));
      // the first record marks the start, so that consumer-group start-up is left out of both figures
      return new Rate((n - 1) / (elapsed / 1e9), cpu / 1e3 / (n - 1));
    }
  }

  private static final AtomicLong PASSED = new AtomicLong();

  /** Three actors, one dyad and a fingerprint from the text's hash: the topology's own cost without classification. */
  private static Classifier constantClassifier() {
    List<ActorMention> actors = List.of(
        new ActorMention("PRK", "STATE", "North Korea", "Q423", "PRK", 2, List.of("Pyongyang")),
        new ActorMention("KOR", "STATE", "South Korea", "Q884", "KOR", 1, List.of("Seoul")),
        new ActorMention("USA", "STATE", "United States", "Q30", "USA", 1, List.of("US")));
    List<Dyad> dyads = List.of(
        new Dyad("PRK", "KOR", "threaten", -7, "Pyongyang warned Seoul."));
    Tension tension = new Tension(55, TensionLevel.of(55),
        -4, List.of("Pyongyang warned Seoul."));
    List<TopicScore> topics = List.of(
        new TopicScore("military", 0.8, List.of("missile")));
    return t -> new Classification("en", actors, topics, tension, dyads,
        t.text().hashCode() * 0x9E3779B97F4A7C15L | 1);
  }

  /** Kafka compresses with lz4-java's fastest codec: the native one where it loads, else a slower pure-Java one. */
  private static String lz4Implementation() {
    try {
      return String.valueOf(Class.forName("net.jpountz.lz4.LZ4Factory").getMethod("fastestInstance").invoke(null));
    } catch (ReflectiveOperationException e) {
      return "unknown (" + e + ")";
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The classifier's own rate on the same articles, without Kafka: the floor under the topology's cost. */
  private static double classifierRate(Classifier classifier, int n) {
    Random random = new Random(42);
    Instant now = Instant.now();
    List<RawArticle> articles = new ArrayList<>();
    for (int i = 0; i < Math.min(n, 5000); i++) {
      articles.add(SyntheticArticles.next(random, i, now));
    }
    long sink = 0;
    // warm the JIT up first: C2 needs some 20,000 articles before the rate settles (3,000 gave half the steady rate)
    for (int pass = 0; pass < 4; pass++) {
      for (RawArticle a : articles) {
        sink += classifier.classify(text(a)).actors().size();
      }
    }
    double rate = 0;
    for (int pass = 0; pass < 3; pass++) {
      long t0 = System.nanoTime();
      for (RawArticle a : articles) {
        sink += classifier.classify(text(a)).actors().size();
      }
      rate = Math.max(rate, articles.size() / ((System.nanoTime() - t0) / 1e9));
    }
    return sink >= 0 ? rate : -rate;
  }

  private static ArticleText text(RawArticle a) {
    return new ArticleText(a.title(), a.text(), a.languageHint(), a.source());
  }

  /**
   * Parse, classify and write the enriched JSON, with no dedupe, stories or aggregates; with
   * {@code -Dbench.lite.repartition=true} also through a single-partition repartition topic, as story grouping is.
   */
  private static Topology parseClassifyWrite(Classifier classifier) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<byte[], byte[]> written = builder.stream(Topics.RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .mapValues(v -> {
          RawArticle a = Json.read(v, RawArticle.class);
          Classification c = classifier.classify(text(a));
          return Json.write(new EnrichedArticle(EnrichedArticle.VERSION, a, c.language(), c.actors(), c.topics(),
              c.tension(), c.dyads(), c.fingerprint(), a.id(), null, Instant.now()));
        });
    if (Boolean.getBoolean("bench.lite.repartition")) {
      written = written.repartition(Repartitioned.<byte[], byte[]>as("lite")
          .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(1));
    }
    written.peek((k, v) -> PASSED.incrementAndGet())
        .to(PASS_THROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return builder.build();
  }

  private static Topology passThrough() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .peek((k, v) -> PASSED.incrementAndGet())
        .to(PASS_THROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return builder.build();
  }

  private static long load(String bootstrap, int n) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    Random random = new Random(42);
    long bytes = 0;
    Instant now = Instant.now();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        RawArticle a = SyntheticArticles.next(random, i, now);
        byte[] value = Json.write(a);
        bytes += value.length;
        producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), value));
      }
      producer.flush();
    }
    return bytes;
  }

  private static Rate best(Rate[] rates) {
    Rate best = rates[0];
    for (Rate r : rates) {
      if (r.perSecond() > best.perSecond()) {
        best = r;
      }
    }
    return best;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String fmt(double rate) {
    return String.format("%,.0f", rate);
  }

  /** News-like synthetic articles, 2 to 4 KB, with varied actors, events and a few syndicated copies. */
  static final class SyntheticArticles {
    private static final List<String> ACTORS = List.of("North Korea", "South Korea", "the United States", "Japan",
        "China", "Russia", "Ukraine", "Taiwan", "Iran", "Israel", "NATO", "the United Nations", "Pyongyang", "Seoul",
        "Washington", "Beijing", "Moscow", "Tokyo", "the Kremlin", "the IAEA");
    private static final List<String> EVENTS = List.of("fired a ballistic missile toward", "held talks with",
        "imposed new sanctions on", "conducted joint military exercises with", "warned", "signed an agreement with",
        "accused", "deployed troops near", "denied plans to attack", "condemned", "met officials from",
        "threatened to retaliate against");
    private static final List<String> FILLER = List.of(
        "Officials said the situation remained fluid and that further statements were expected later in the day.",
        "Analysts noted that the move followed weeks of rising rhetoric on both sides of the border.",
        "The ministry did not respond to a request for comment on Tuesday.",
        "Markets in the region reacted calmly, with the main index closing slightly higher.",
        "Diplomats at the meeting described the discussions as frank and constructive.",
        "Satellite imagery published by a research institute showed increased activity at the site.",
        "The statement, carried by state media, gave no further details about the timing.");
    private static final String[] CODES = {"PRK", "KOR", "USA", "JPN"};

    private SyntheticArticles() {}

    static RawArticle next(Random r, int i, Instant now) {
      String a = ACTORS.get(r.nextInt(ACTORS.size()));
      String b = ACTORS.get(r.nextInt(ACTORS.size()));
      String title = capitalise(a) + " " + EVENTS.get(r.nextInt(EVENTS.size())) + " " + b;
      StringBuilder text = new StringBuilder(4096);
      int target = 2048 + r.nextInt(2048);
      while (text.length() < target) {
        if (r.nextInt(3) == 0) {
          text.append(capitalise(ACTORS.get(r.nextInt(ACTORS.size())))).append(' ')
              .append(EVENTS.get(r.nextInt(EVENTS.size()))).append(' ')
              .append(ACTORS.get(r.nextInt(ACTORS.size()))).append(" on ").append(1 + r.nextInt(28))
              .append(" March. ");
        } else {
          text.append(FILLER.get(r.nextInt(FILLER.size()))).append(' ');
          // distinct reporting details, so that unrelated articles do not look like copies of each other
          text.append("Reporting by ").append(word(r)).append(' ').append(word(r)).append(" in ").append(word(r))
              .append("; ").append(1 + r.nextInt(900)).append(' ').append(word(r)).append(" were ")
              .append(word(r)).append(". ");
        }
      }
      // markers the stand-in classifier reads; the real one sees a bracketed aside
      text.append("[").append(CODES[r.nextInt(4)]).append(' ').append(CODES[r.nextInt(4)]).append("] [tension ")
          .append(r.nextInt(100)).append("] [fp ").append(Long.toHexString(r.nextLong() | 1)).append(']');
      Instant published = now.minusSeconds(r.nextInt(86_400));
      return new RawArticle(RawArticle.VERSION, "bench-" + i, "https://news.example/" + i, null, "bench", "asia",
          List.of(), title, text.toString(), List.of(), published, null, now, "en", null, "Bench News",
          RawArticle.FROM_PAGE);
    }

    private static String word(Random r) {
      char[] w = new char[4 + r.nextInt(6)];
      for (int i = 0; i < w.length; i++) {
        w[i] = (char) ('a' + r.nextInt(26));
      }
      return new String(w);
    }

    private static String capitalise(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
