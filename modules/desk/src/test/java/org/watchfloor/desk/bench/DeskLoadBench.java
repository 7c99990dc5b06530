package org.watchfloor.desk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.watchfloor.desk.Desk;
import org.watchfloor.desk.TestArticles;
import org.watchfloor.desk.server.DeskSettings;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;

/**
 * The desk under load (a bench, not a test): N live viewers while articles arrive at a fixed rate on the enriched
 * topic. Reports whether every viewer received every article, the latency from the enriched record's timestamp to its
 * arrival at a viewer (p50, p99, max), and the CPU the desk's own threads used, as a share of one core.
 *
 * <pre>
 * ./mvnw -q -o -pl modules/desk exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.watchfloor.desk.bench.DeskLoadBench [-Dexec.args="50 200 30"]
 * </pre>
 * Arguments: viewers (50), articles per second (200), seconds (30).
 */
public final class DeskLoadBench {
  /** Thread names of the desk itself: its live and actions readers and the server's pool. */
  private static final List<String> DESK_THREADS = List.of("desk-live-reader", "desk-actions-reader",
      "JettyServerThreadPool", "qtp");

  private DeskLoadBench() {}

  public static void main(String[] args) throws Exception {
    int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    String kafka = SharedStack.kafkaOnly().kafka().bootstrapServers();
    // the live stream needs no Elasticsearch; the client connects only when history is asked for
    Desk desk = Desk.start(new DeskSettings(null, 0, null, null, null), Settings.of(Map.of(), Path.of(".")),
        kafka, "http://127.0.0.1:9");
    String run = Long.toString(System.nanoTime(), 36);
    HttpClient http = HttpClient.newHttpClient();
    List<Map<String, Long>> received = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(viewers);
    AtomicLong errors = new AtomicLong();
    for (int v = 0; v < viewers; v++) {
      Map<String, Long> got = new ConcurrentHashMap<>();
      received.add(got);
      Thread t = new Thread(() -> view(http, desk.url() + "api/stream", run, got, ready, errors), "bench-viewer-" + v);
      t.setDaemon(true);
      t.start();
    }
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the viewers did not connect within 30 s");
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    p.put("acks", "1");
    p.put("linger.ms", "5");
    String text = "Officials said the talks would continue next week. ".repeat(60);
    List<EnrichedArticle> articles = new ArrayList<>();
    int total = rate * seconds;
    for (int i = 0; i < total; i++) {
      articles.add(TestArticles.article("bench-" + run + "-" + i).title("Bench article " + i).text(text)
          .actors("PRK", "KOR").topics("nuclear_missiles").score(i % 100).build());
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpuBefore = deskCpu(mx);
    long wallStart = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      long next = System.nanoTime();
      for (EnrichedArticle a : articles) {
        while (System.nanoTime() < next) {
          Thread.onSpinWait();
        }
        next += interval;
        producer.send(new ProducerRecord<>(Topics.ENRICHED, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline && received.stream().anyMatch(m -> m.size() < total)) {
      Thread.sleep(100);
    }
    long wall = System.nanoTime() - wallStart;
    Map<Long, Long> cpuAfter = deskCpu(mx);
    long cpu = 0;
    for (var e : cpuAfter.entrySet()) {
      cpu += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
    }
    long complete = received.stream().filter(m -> m.size() >= total).count();
    long min = received.stream().mapToLong(Map::size).min().orElse(0);
    long[] latencies = received.stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sorted()
        .toArray();
    System.out.printf(Locale.ROOT, "desk bench: viewers=%d rate=%d/s seconds=%d articles=%d%n", viewers, rate,
        seconds, total);
    System.out.printf(Locale.ROOT, "  every viewer got every article: %s (%d of %d viewers complete, fewest %d, "
        + "dropped viewers %d, errors %d)%n", complete == viewers ? "yes" : "NO", complete, viewers, min,
        desk.hub().droppedViewers(), errors.get());
    System.out.printf(Locale.ROOT, "  enriched record to viewer: p50=%d ms p99=%d ms max=%d ms (%d deliveries)%n",
        pct(latencies, 0.50), pct(latencies, 0.99), latencies.length == 0 ? -1 : latencies[latencies.length - 1],
        latencies.length);
    System.out.printf(Locale.ROOT, "  desk CPU: %.1f %% of one core over %.1f s (threads %s)%n",
        100.0 * cpu / wall, wall / 1e9, DESK_THREADS);
    desk.close();
    System.exit(0);
  }

  private static long pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static Map<Long, Long> deskCpu(ThreadMXBean mx) {
    Map<Long, Long> out = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null && DESK_THREADS.stream().anyMatch(n -> info.getThreadName().startsWith(n))) {
        long t = mx.getThreadCpuTime(info.getThreadId());
        if (t > 0) {
          out.put(info.getThreadId(), t);
        }
      }
    }
    return out;
  }

  /** The value after {@code name} up to the next quote or comma or brace: enough for the ids and numbers here. */
  private static String field(String line, String name) {
    int at = line.indexOf(name) + name.length();
    int end = at;
    while (end < line.length() && "\",}".indexOf(line.charAt(end)) < 0) {
      end++;
    }
    return line.substring(at, end);
  }

  /** One viewer: reads the event stream and notes, per article of this run, its latency from the record time. */
  private static void view(HttpClient http, String url, String run, Map<String, Long> got, CountDownLatch ready,
      AtomicLong errors) {
    try {
      HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("event: ready")) {
            ready.countDown();
          } else if (line.startsWith("data: {") && line.contains("\"bench-" + run + "-")) {
            long now = System.currentTimeMillis();
            got.put(field(line, "\"id\":\""), now - Long.parseLong(field(line, "\"record_time\":")));
          }
        }
      }
    } catch (Exception e) {
      errors.incrementAndGet();
    }
  }
}
