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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
import org.watchfloor.feeds.source.Source;
import org.watchfloor.http.LoopbackServer;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/** A source dropped from the configuration is tombstoned at the next start and stops being fetched. */
class SourceRemovalIT {
  private static DevStack stack;
  private final LoopbackServer server = new LoopbackServer(4);
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
    FeedsAppAccess.tombstone(stack.kafka().bootstrapServers(), published);
    if (configDir != null) {
      Files.deleteIfExists(configDir);
    }
  }

  private Stage start(String group, List<Source> sources) {
    try {
      if (configDir == null) {
        configDir = Files.createTempDirectory("feeds-removal-it-");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Settings settings = Settings.of(Map.of(
        "feeds.group.id", group,
        "feeds.startup.jitter", "0ms",
        "feeds.threads", "2",
        "feeds.http.total.timeout", "5s",
        "feeds.http.rate.grace", "1s"), configDir);
    StageContext ctx = new StageContext(settings, stack.kafka().bootstrapServers(), null, new SimpleMeterRegistry());
    Stage stage = FeedsApp.create(ctx, sources);
    published.addAll(sources);
    stages.add(stage);
    stage.start();
    return stage;
  }

  private Source serve(String name) {
    String path = "/" + name;
    byte[] body = FeedsStageIT.rss(1, 2).getBytes(StandardCharsets.UTF_8);
    server.on(path, ex -> LoopbackServer.respond(ex, 200, "application/rss+xml", body));
    return Source.feed(name, server.url(path), "1s", "1s", true);
  }

  private int hits(Source s) {
    return server.hits("/" + s.name());
  }

  @Test
  void aSourceDroppedFromTheConfigurationIsTombstonedAndNoLongerFetchedAfterARestart() {
    Source a = serve("keep-" + run);
    Source b = serve("drop-" + run);
    String group = "feeds-it-removal-restart-" + run;
    Stage first = start(group, List.of(a, b));
    await().atMost(Duration.ofSeconds(20)).until(() -> hits(a) >= 2 && hits(b) >= 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> latestState(b.name()) == Present.VALUE);
    first.close();

    int bBefore = hits(b);
    Stage second = start(group, List.of(a));
    assertThat(latestSource(b.name())).as("B in the sources topic").isEqualTo(Present.TOMBSTONE);
    assertThat(latestSource(a.name())).as("A in the sources topic").isEqualTo(Present.VALUE);
    int aAfterStart = hits(a);
    await().atMost(Duration.ofSeconds(15)).until(() -> hits(a) >= aAfterStart + 3);
    assertThat(hits(b)).as("fetches of B after the restart").isEqualTo(bBefore);
    assertThat(FeedsApp.pollerOf(second).ownedSources()).contains(a.name()).doesNotContain(b.name());
    // The new poller loaded B's stored state on assignment and cleans it up.
    await().atMost(Duration.ofSeconds(10)).until(() -> latestState(b.name()) == Present.TOMBSTONE);
    assertThat(latestState(a.name())).isEqualTo(Present.VALUE);
  }

  @Test
  void aRunningInstanceStopsASourceThatAnInstanceStartedWithoutItRemoves() {
    Source a = serve("keep-" + run);
    Source b = serve("drop-" + run);
    String group = "feeds-it-removal-live-" + run;
    Stage first = start(group, List.of(a, b));
    await().atMost(Duration.ofSeconds(20)).until(() -> hits(a) >= 2 && hits(b) >= 2);

    Stage second = start(group, List.of(a));
    assertThat(latestSource(b.name())).isEqualTo(Present.TOMBSTONE);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        !FeedsApp.pollerOf(first).ownedSources().contains(b.name())
            && !FeedsApp.pollerOf(second).ownedSources().contains(b.name())
            && (FeedsApp.pollerOf(first).ownedSources().contains(a.name())
                || FeedsApp.pollerOf(second).ownedSources().contains(a.name())));
    // Let a fetch of B that was already under way finish before counting.
    int aNow = hits(a);
    await().atMost(Duration.ofSeconds(10)).until(() -> hits(a) >= aNow + 1);
    int bStopped = hits(b);
    int aThen = hits(a);
    await().atMost(Duration.ofSeconds(15)).until(() -> hits(a) >= aThen + 3);
    assertThat(hits(b)).as("fetches of B after its tombstone").isEqualTo(bStopped);
    await().atMost(Duration.ofSeconds(10)).until(() -> latestState(b.name()) == Present.TOMBSTONE);
  }

  /** What the latest record of a key in a compacted topic holds. */
  private enum Present { ABSENT, VALUE, TOMBSTONE }

  private Present latestSource(String name) {
    return latest(Topics.SOURCES, name);
  }

  private Present latestState(String name) {
    return latest(Topics.FEED_STATE, name);
  }

  private Present latest(String topic, String key) {
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    Present found = Present.ABSENT;
    try (KafkaConsumer<byte[], byte[]> c =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : c.partitionsFor(topic)) {
        parts.add(new TopicPartition(topic, info.partition()));
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
            found = r.value() == null ? Present.TOMBSTONE : Present.VALUE;
          }
        }
      }
    }
    return found;
  }
}
