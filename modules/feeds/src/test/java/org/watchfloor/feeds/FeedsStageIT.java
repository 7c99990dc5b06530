package org.watchfloor.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.feeds.poll.FeedPoller;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.http.LoopbackServer;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/** The feeds stage on the real local broker, polling a real HTTP server on loopback. */
class FeedsStageIT {
  private static DevStack stack;
  private final LoopbackServer server = new LoopbackServer(8);
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Stage> stages = new ArrayList<>();
  private final List<Source> published = new ArrayList<>();
  private Path configDir;

  @BeforeAll
  static void broker() {
    stack = SharedStack.kafkaOnly();
  }

  @AfterEach
  void stop() throws IOException {
    stages.forEach(Stage::close);
    server.close();
    // Tombstone this test's sources so that later tests' groups do not poll them.
    FeedsAppAccess.tombstone(stack.kafka().bootstrapServers(), published);
    if (configDir != null) {
      Files.deleteIfExists(configDir);
    }
  }

  private Stage stage(String group, List<Source> sources, SimpleMeterRegistry metrics) {
    try {
      if (configDir == null) {
        configDir = Files.createTempDirectory("feeds-it-");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Settings settings = Settings.of(Map.of(
        "feeds.group.id", group,
        "feeds.startup.jitter", "0ms",
        "feeds.threads", "4",
        "feeds.http.total.timeout", "5s",
        "feeds.http.rate.grace", "1s"), configDir);
    StageContext ctx = new StageContext(settings, stack.kafka().bootstrapServers(), null, metrics);
    Stage stage = FeedsApp.create(ctx, sources);
    published.addAll(sources);
    stages.add(stage);
    stage.start();
    return stage;
  }

  static String rss(int from, int to) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>t</title><link>https://news.example.org/</link><description>d</description>");
    for (int i = to; i >= from; i--) {
      sb.append("<item><title>Story ").append(i).append("</title><link>https://news.example.org/s/").append(i)
          .append("</link><guid>id-").append(i).append("</guid></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private void serve(String path, AtomicReference<String> body) {
    server.on(path, ex -> LoopbackServer.respond(ex, 200, "application/rss+xml",
        body.get().getBytes(StandardCharsets.UTF_8)));
  }

  private Source local(String name, String path) {
    return Source.feed(name, server.url(path), "1s", "2s", true);
  }

  private List<FeedEntry> entriesOf(String sourcePrefix) {
    return readAll(Topics.ENTRIES).stream()
        .map(r -> Json.read(r.value(), FeedEntry.class))
        .filter(e -> e.source().startsWith(sourcePrefix))
        .collect(Collectors.toList());
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> c =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : c.partitionsFor(topic)) {
        parts.add(new TopicPartition(topic, info.partition()));
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  @Test
  void restartReEmitsNothing() {
    String name = "restart-" + run;
    AtomicReference<String> body = new AtomicReference<>(rss(1, 3));
    serve("/restart", body);
    String group = "feeds-it-restart-" + run;
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Stage first = stage(group, List.of(local(name, "/restart")), metrics);
    FeedPoller poller = FeedsApp.pollerOf(first);
    await().atMost(Duration.ofSeconds(60)).until(() -> entriesOf(name).size() == 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> poller.polls() >= 3);
    assertThat(entriesOf(name)).hasSize(3);
    assertThat(metrics.counter(Metrics.ENTRIES, "stage", "feeds").count()).isEqualTo(3.0);
    first.close();

    body.set(rss(1, 4));
    Stage second = stage(group, List.of(local(name, "/restart")), new SimpleMeterRegistry());
    FeedPoller poller2 = FeedsApp.pollerOf(second);
    await().atMost(Duration.ofSeconds(60)).until(() -> entriesOf(name).size() >= 4);
    await().atMost(Duration.ofSeconds(30)).until(() -> poller2.polls() >= 3);
    List<FeedEntry> all = entriesOf(name);
    assertThat(all).extracting(FeedEntry::entryId).containsExactly("id-1", "id-2", "id-3", "id-4");
  }

  @Test
  void twoInstancesSplitTheSourcesAndOneTakesOverWhenTheOtherStops() {
    String prefix = "split-" + run + "-";
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      serve("/split/" + i, new AtomicReference<>(rss(i * 10, i * 10 + 2)));
      sources.add(local(prefix + i, "/split/" + i));
    }
    Set<String> names = sources.stream().map(Source::name).collect(Collectors.toSet());
    String group = "feeds-it-split-" + run;
    Stage a = stage(group, sources, new SimpleMeterRegistry());
    Stage b = stage(group, sources, new SimpleMeterRegistry());
    FeedPoller pa = FeedsApp.pollerOf(a);
    FeedPoller pb = FeedsApp.pollerOf(b);
    await().atMost(Duration.ofSeconds(90)).until(() -> {
      Set<String> oa = mine(pa, prefix);
      Set<String> ob = mine(pb, prefix);
      Set<String> union = new HashSet<>(oa);
      union.addAll(ob);
      return !oa.isEmpty() && !ob.isEmpty() && union.equals(names);
    });
    Set<String> both = mine(pa, prefix);
    both.retainAll(mine(pb, prefix));
    assertThat(both).as("sources polled by both instances").isEmpty();
    await().atMost(Duration.ofSeconds(60)).until(() -> entriesOf(prefix).size() >= 36);

    a.close();
    await().atMost(Duration.ofSeconds(90)).until(() -> mine(pb, prefix).equals(names));
    int pollsAfterTakeover = pb.polls();
    await().atMost(Duration.ofSeconds(60)).until(() -> pb.polls() >= pollsAfterTakeover + 24);
    List<FeedEntry> all = entriesOf(prefix);
    assertThat(all).hasSize(36);
    assertThat(all.stream().map(e -> e.source() + "/" + e.entryId()).distinct().count()).isEqualTo(36);
  }

  private static Set<String> mine(FeedPoller poller, String prefix) {
    return poller.ownedSources().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
  }

  @Test
  void badSourcesGoToDeadLettersAndTheStageKeepsRunning() {
    String prefix = "bad-" + run + "-";
    AtomicReference<String> good = new AtomicReference<>(rss(1, 1));
    serve("/good", good);
    server.on("/500", ex -> LoopbackServer.respond(ex, 500, "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
    server.on("/html", ex -> LoopbackServer.respond(ex, 200, "text/html",
        "<!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.UTF_8)));
    server.on("/malformed", ex -> LoopbackServer.respond(ex, 200, "text/xml",
        "<rss><channel><item>".getBytes(StandardCharsets.UTF_8)));
    server.on("/loop", ex -> LoopbackServer.redirect(ex, 301, "/loop"));
    List<Source> sources = List.of(
        local(prefix + "good", "/good"),
        local(prefix + "500", "/500"),
        local(prefix + "html", "/html"),
        local(prefix + "malformed", "/malformed"),
        local(prefix + "loop", "/loop"),
        local(prefix + "404", "/missing"),
        Source.feed(prefix + "private", server.url("/good"), "1s", "2s", false));
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Stage stage = stage("feeds-it-bad-" + run, sources, metrics);
    Map<String, String> expected = Map.of(
        prefix + "500", "HTTP_STATUS", prefix + "html", "HTML_NOT_FEED", prefix + "malformed", "MALFORMED_XML",
        prefix + "loop", "REDIRECT_LOOP", prefix + "404", "HTTP_STATUS", prefix + "private", "PRIVATE_ADDRESS");
    await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterReasons(prefix).keySet().containsAll(
        expected.keySet()));
    Map<String, String> reasons = deadLetterReasons(prefix);
    expected.forEach((source, reason) -> assertThat(reasons.get(source)).as(source).startsWith(reason));
    assertThat(reasons).doesNotContainKey(prefix + "good");
    assertThat(metrics.counter(Metrics.DEAD_LETTERS, "stage", "feeds").count()).isGreaterThanOrEqualTo(6.0);

    // still running: a new entry on the good source is picked up after all those failures
    good.set(rss(1, 2));
    await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(prefix + "good").size() == 2);
    assertThat(FeedsApp.pollerOf(stage).ownedSources()).containsAll(
        sources.stream().map(Source::name).collect(Collectors.toList()));
  }

  /** Source name to the error message of its latest dead letter, for dead letters of the feeds stage. */
  private Map<String, String> deadLetterReasons(String prefix) {
    Map<String, String> out = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.DEAD_LETTERS)) {
      if (r.key() == null || !"feeds".equals(DeadLetters.header(r.headers(), DeadLetters.STAGE))) {
        continue;
      }
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (key.startsWith(prefix)) {
        assertThat(DeadLetters.header(r.headers(), DeadLetters.ORIGIN_URL)).isNotBlank();
        out.put(key, DeadLetters.header(r.headers(), DeadLetters.MESSAGE));
      }
    }
    return out;
  }
}
