package org.watchfloor.indexer.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.LocalElasticsearch;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.indexer.Articles;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Indexing throughput through the real path: enriched articles pre-loaded on the topic, then the {@link IndexerApp}
 * (consumer, BulkIngester, offset commits) drains them into the local single-node Elasticsearch.
 *
 * <pre>
 * ./mvnw -q -o -pl modules/indexer exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.watchfloor.indexer.bench.IndexingBench [-Dexec.args="50000 3"]
 * </pre>
 * Arguments: articles per round (default 50000), measured rounds (default 3); one warm-up round of a fifth comes first.
 * {@code -Dbench.mode=direct} measures Elasticsearch alone instead: the same documents through a BulkIngester from
 * memory, no Kafka, no commits (the ceiling the indexer could reach on this machine).
 */
public final class IndexingBench {
  private static final Logger LOG = LoggerFactory.getLogger(IndexingBench.class);
  private static final String[] WORDS = ("north korea launched ballistic missile east sea joint chiefs staff said "
      + "the launch came days after united states south korea japan began trilateral exercise pyongyang condemned "
      + "drills rehearsal invasion sanctions security council russia china blocked resolution troops kursk").split(" ");

  private IndexingBench() {}

  public static void main(String[] args) throws Exception {
    int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String esOpts = System.getProperty("bench.es.opts", "-Xms1g -Xmx1g");
    try (LocalKafka kafka = LocalKafka.start();
        LocalElasticsearch es = LocalElasticsearch.start(esOpts)) {
      kafka.createTopics(DevStack.DEFAULT_PARTITIONS);
      boolean direct = "direct".equals(System.getProperty("bench.mode"));
      if (direct) {
        directRound(es, "warmup", Math.max(1000, perRound / 5));
      } else {
        runRound(kafka, es, "warmup", Math.max(1000, perRound / 5));
      }
      double[] rates = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        rates[r] = direct ? directRound(es, "round" + r, perRound) : runRound(kafka, es, "round" + r, perRound);
      }
      java.util.Arrays.sort(rates);
      LOG.info("RESULT ({}) indexing {} articles/round x {} rounds: median {} docs/s (min {}, max {})", direct ? "direct" : "topic", perRound, rounds,
          fmt(rates[rounds / 2]), fmt(rates[0]), fmt(rates[rounds - 1]));
    }
  }

  private static double runRound(LocalKafka kafka, LocalElasticsearch es, String name, int count) throws Exception {
    produce(kafka, name, count);
    Map<String, String> values = new HashMap<>();
    // one group for every round: each round reads only what was added since the last one committed
    values.put("indexer.group", "bench");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StageContext ctx = new StageContext(Settings.of(values, Path.of(".")), kafka.bootstrapServers(), es.url(),
        registry);
    try (Stage stage = IndexerApp.create(ctx)) {
      long[] cpu0 = cpuNanos(es);
      long t0 = System.nanoTime();
      stage.start();
      Counter indexed;
      while ((indexed = registry.find(Metrics.INDEXED).tag("kind", "article").counter()) == null
          || indexed.count() < count) {
        TimeUnit.MILLISECONDS.sleep(20);
        if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
          throw new IllegalStateException("round " + name + " did not finish in 10 minutes");
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double rate = count / seconds;
      LOG.info("{}: {} documents in {} s (stage start to last bulk acknowledged) = {} docs/s; {}",
          name, count, fmt(seconds), fmt(rate), cpuLine(count, cpu0, cpuNanos(es), seconds));
      return rate;
    }
  }

  /** Bulk-indexes {@code count} articles built in memory, straight into Elasticsearch. */
  private static double directRound(LocalElasticsearch es, String name, int count) throws Exception {
    java.util.Random random = new java.util.Random(name.hashCode());
    Instant base = Instant.now();
    List<EnrichedArticle> articles = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      articles.add(article(random, base, "direct-" + name + "-" + i, i));
    }
    co.elastic.clients.elasticsearch.ElasticsearchClient client =
        org.watchfloor.indexer.EsClients.create(Settings.of(Map.of(), Path.of(".")), es.url());
    new org.watchfloor.indexer.IndexSetup(client, 0).ensure();
    java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong();
    long[] cpu0 = cpuNanos(es);
    long t0 = System.nanoTime();
    try (co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester<Void> ingester =
        co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester.of(b -> b.client(client).maxOperations(1000)
            .maxSize(5L * 1024 * 1024).maxConcurrentRequests(2)
            .listener(new co.elastic.clients.elasticsearch._helpers.bulk.BulkListener<Void>() {
              @Override
              public void beforeBulk(long id, co.elastic.clients.elasticsearch.core.BulkRequest r, List<Void> c) {}

              @Override
              public void afterBulk(long id, co.elastic.clients.elasticsearch.core.BulkRequest r, List<Void> c,
                  co.elastic.clients.elasticsearch.core.BulkResponse response) {
                acknowledged.addAndGet(response.items().stream().filter(it -> it.error() == null).count());
              }

              @Override
              public void afterBulk(long id, co.elastic.clients.elasticsearch.core.BulkRequest r, List<Void> c,
                  Throwable failure) {
                LOG.error("bulk {} failed", id, failure);
              }
            }))) {
      for (EnrichedArticle a : articles) {
        byte[] json = Json.write(org.watchfloor.indexer.document.ArticleDocuments.toDocument(a, Instant.now()));
        co.elastic.clients.util.BinaryData doc =
            co.elastic.clients.util.BinaryData.of(json, co.elastic.clients.util.ContentType.APPLICATION_JSON);
        String index = org.watchfloor.indexer.document.ArticleDocuments.index(a);
        ingester.add(op -> op.index(ix -> ix.index(index).id(a.id()).document(doc)));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] cpu1 = cpuNanos(es);
    org.watchfloor.indexer.EsClients.close(client);
    if (acknowledged.get() != count) {
      throw new IllegalStateException("only " + acknowledged.get() + " of " + count + " acknowledged");
    }
    LOG.info("{} (direct): {} documents in {} s = {} docs/s; {}", name, count, fmt(seconds), fmt(count / seconds),
        cpuLine(count, cpu0, cpu1, seconds));
    return count / seconds;
  }

  private static EnrichedArticle article(java.util.Random random, Instant base, String id, int i) {
    EnrichedArticle a = Articles.article(id, base.minusSeconds(random.nextInt(86_400 * 7)), title(random),
        random.nextDouble() * 100, List.of("PRK", i % 3 == 0 ? "KOR" : "USA", i % 5 == 0 ? "RUS" : "JPN"),
        List.of(i % 2 == 0 ? "missile" : "sanctions", "military"));
    RawArticle r = a.article();
    RawArticle longer = new RawArticle(r.schemaVersion(), r.id(), r.url(), r.canonicalUrl(), r.source(),
        r.region(), r.tags(), r.title(), text(random, 300), r.authors(), r.published(), r.modified(),
        r.fetchedAt(), r.languageHint(), r.leadImage(), r.siteName(), r.contentSource());
    return new EnrichedArticle(a.schemaVersion(), longer, a.language(), a.actors(), a.topics(),
        a.tension(), a.dyads(), random.nextLong(), a.storyId(), a.duplicateOf(), a.enrichedAt());
  }

  /** Appends {@code count} new articles (about 2.5 KB of JSON each) to the enriched topic. */
  private static void produce(LocalKafka kafka, String round, int count) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "1");
    p.put("linger.ms", "20");
    p.put("batch.size", "262144");
    p.put("compression.type", "lz4");
    java.util.Random random = new java.util.Random(42);
    Instant base = Instant.now();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        String id = round + "-" + i;
        EnrichedArticle full = article(random, base, id, i);
        producer.send(new ProducerRecord<>(Topics.ENRICHED, id, Json.write(full)));
      }
      producer.flush();
    }
  }

  private static String title(java.util.Random random) {
    return text(random, 10);
  }

  private static String text(java.util.Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** CPU time used so far by this JVM (indexer, Kafka broker, producer) plus the Elasticsearch server process. */
  static long[] cpuNanos(LocalElasticsearch es) {
    long self = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long server = es.pid().stream().mapToObj(ProcessHandle::of).flatMap(java.util.Optional::stream)
        .map(h -> h.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L))
        .findFirst().orElse(0L);
    return new long[] {self, server};
  }

  static String cpuLine(int count, long[] before, long[] after, double seconds) {
    double self = (after[0] - before[0]) / 1e9;
    double server = (after[1] - before[1]) / 1e9;
    double cpuSeconds = self + server;
    return String.format(Locale.ROOT, "%.1f CPU-s used (this JVM %.1f, Elasticsearch %.1f; %.0f%% of 2 cores), "
        + "%.0f docs per CPU-second, i.e. %.0f docs/s if the 2 cores were ours", cpuSeconds, self, server,
        100 * cpuSeconds / seconds / 2, count / cpuSeconds, 2 * count / cpuSeconds);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v).equals("0") ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.0f", v);
  }
}
