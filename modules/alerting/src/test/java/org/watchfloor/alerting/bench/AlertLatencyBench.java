package org.watchfloor.alerting.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.alerting.notify.Receiver;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.TestArticles;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * End-to-end alert latency on the local broker: enriched articles produced at a fixed rate, each firing one alert,
 * through the AlertTopology (exactly-once) and the notifier to a webhook receiver on loopback; prints p50/p95/p99 of
 * produce-to-received. Arguments: rate per second (200), seconds (60), warm-up seconds excluded (10).
 *
 * <p>Run: {@code ./mvnw -q -pl modules/alerting test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.alerting.bench.AlertLatencyBench -Dexec.args="200 60 10"}
 */
public final class AlertLatencyBench {
  private static final Logger LOG = LoggerFactory.getLogger(AlertLatencyBench.class);

  private AlertLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = Files.createTempDirectory("watchfloor-latency-");
    try (LocalKafka kafka = LocalKafka.start(); Receiver receiver = new Receiver()) {
      kafka.createTopics(3);
      Files.writeString(dir.resolve(RuleLoader.FILE), """
          channels:
            hook: {type: webhook, url: "%s", secret: bench}
          rules:
            - {id: every-prk, type: match, filter: {actors: [PRK]}, channels: [hook]}
            - {id: prk-frequency, type: frequency, window: 1m, threshold: 1000, filter: {actors: [PRK]}}
          """.formatted(receiver.url("/hook")));
      Map<String, String> s = new HashMap<>();
      s.put("alerting.state.dir", dir.resolve("state").toString());
      s.put("alerting.tick", "1s");
      s.put("pipeline.partitions", "3");
      StageContext ctx = new StageContext(Settings.of(s, dir), kafka.bootstrapServers(), null,
          new SimpleMeterRegistry());
      Map<String, Long> producedAt = new ConcurrentHashMap<>();
      try (Stage stage = AlertingApp.create(ctx)) {
        stage.start();
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("linger.ms", "0");
        try (KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
          // let the streams application and the notifier join their groups before timing anything
          send(producer, "warm", producedAt);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (receiver.accepted().isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
          }
          long start = System.nanoTime();
          long interval = TimeUnit.SECONDS.toNanos(1) / rate;
          int total = rate * seconds;
          for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
            send(producer, (i < rate * warmup ? "w" : "m") + i, producedAt);
          }
          producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int expected = rate * seconds + 1;
        while (receiver.accepted().size() < expected && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(200);
        }
        List<Long> latencies = new ArrayList<>();
        for (Receiver.Request r : receiver.accepted()) {
          String articleId = Json.MAPPER.readTree(r.body()).path("article_ids").path(0).asText();
          Long sent = producedAt.get(articleId);
          if (sent != null && articleId.startsWith("m")) {
            latencies.add(r.receivedNanos() - sent);
          }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int measured = rate * (seconds - warmup);
        LOG.info("Received {} of {} alerts; measured {} after {} s warm-up", receiver.accepted().size(), expected,
            sorted.length, warmup);
        System.out.printf(Locale.ROOT, "alert latency at %d articles/s for %d s (%d measured of %d): p50 %.1f ms, "
                + "p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, sorted.length, measured,
            pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
      }
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String id, Map<String, Long> producedAt) {
    EnrichedArticle a = TestArticles.article(id).at(Instant.now()).actors("PRK", "KOR").score(70).build();
    producedAt.put(id, System.nanoTime());
    producer.send(new ProducerRecord<>(Topics.ENRICHED, id.getBytes(StandardCharsets.UTF_8), Json.write(a)));
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
  }

}
