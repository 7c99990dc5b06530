package org.watchfloor.feeds.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.http.LoopbackServer;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * A feeds stage killed inside a poll's transaction, between writing the entries and writing the state, and again
 * after writing both but before committing: after a restart, read_committed readers see every entry exactly once.
 */
class FeedsCrashIT {
  private static DevStack stack;
  private final LoopbackServer server = new LoopbackServer(8);
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Stage> stages = new ArrayList<>();
  private final List<Process> children = new ArrayList<>();
  private Path configDir;

  @BeforeAll
  static void broker() {
    stack = SharedStack.kafkaOnly();
  }

  @AfterEach
  void stop() throws IOException, InterruptedException {
    stages.forEach(Stage::close);
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    server.close();
    if (configDir != null) {
      Files.deleteIfExists(configDir);
    }
  }

  @Test
  void killedBetweenEntriesAndStateOrBeforeCommitReEmitsNothingAndLosesNothing() throws Exception {
    configDir = Files.createTempDirectory("feeds-crash-it-");
    String name = "crash-" + run;
    String group = "feeds-crash-it-" + run;
    AtomicReference<String> body = new AtomicReference<>(rss(1, 3));
    server.on("/crash", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml",
        body.get().getBytes(StandardCharsets.UTF_8)));
    String url = server.url("/crash");

    // 1. Killed after the three entries reached the broker, before the state was written.
    killedAt(TransactionalPublisher.Point.ENTRIES_SENT, group, name, url);
    assertThat(ids(entries(name, "read_uncommitted"))).as("the entries written before the kill")
        .containsExactly("id-1", "id-2", "id-3");
    assertThat(entries(name, "read_committed")).as("nothing of the killed poll is visible").isEmpty();

    Stage restarted = stage(group, name, url);
    FeedPoller poller = FeedsApp.pollerOfForTests(restarted);
    await().atMost(Duration.ofSeconds(120)).until(() -> entries(name, "read_committed").size() >= 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> poller.polls() >= 3);
    assertThat(ids(entries(name, "read_committed"))).containsExactly("id-1", "id-2", "id-3");
    restarted.close();
    stages.remove(restarted);

    // 2. Killed after entry 4 and the state were written, before the commit.
    body.set(rss(1, 4));
    killedAt(TransactionalPublisher.Point.STATE_SENT, group, name, url);
    assertThat(ids(entries(name, "read_uncommitted"))).as("entry 4 reached the broker before the kill")
        .contains("id-4");
    assertThat(ids(entries(name, "read_committed"))).containsExactly("id-1", "id-2", "id-3");

    Stage again = stage(group, name, url);
    FeedPoller poller2 = FeedsApp.pollerOfForTests(again);
    await().atMost(Duration.ofSeconds(120)).until(() -> entries(name, "read_committed").size() >= 4);
    await().atMost(Duration.ofSeconds(30)).until(() -> poller2.polls() >= 3);
    List<String> all = ids(entries(name, "read_committed"));
    assertThat(all).as("0 re-emitted, 0 lost").containsExactly("id-1", "id-2", "id-3", "id-4");
  }

  /** Runs the stage in a child JVM until it halts itself at the point; fails if it does not. */
  private void killedAt(TransactionalPublisher.Point point, String group, String name, String url)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        FeedsChild.class.getName(), stack.kafka().bootstrapServers(), configDir.toString(), group, name, url,
        point.name());
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File(".")).start();
    children.add(child);
    List<String> output = new ArrayList<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (output) {
            output.add(line);
          }
        }
      } catch (IOException e) {
        // the child is gone
      }
    });
    pump.setDaemon(true);
    pump.start();
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    pump.join(5000);
    String log;
    synchronized (output) {
      log = String.join("\n", output);
    }
    assertThat(exited).as("the child halted itself; its output:\n" + log).isTrue();
    assertThat(child.exitValue()).as(log).isEqualTo(FeedsChild.HALT_STATUS);
    assertThat(log).contains(FeedsChild.HALTING + " " + point);
  }

  private Stage stage(String group, String name, String url) {
    Source source = Source.feed(name, url, "1s", "2s", true);
    Stage stage = FeedsApp.create(new StageContext(FeedsChild.settings(group, configDir),
        stack.kafka().bootstrapServers(), null, new SimpleMeterRegistry()), List.of(source));
    stages.add(stage);
    stage.start();
    return stage;
  }

  static String rss(int from, int to) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>t</title><link>https://crash.example.org/</link><description>d</description>");
    for (int i = to; i >= from; i--) {
      sb.append("<item><title>Story ").append(i).append("</title><link>https://crash.example.org/s/").append(i)
          .append("</link><guid>id-").append(i).append("</guid></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static List<String> ids(List<FeedEntry> entries) {
    return entries.stream().map(FeedEntry::entryId).collect(Collectors.toList());
  }

  private List<FeedEntry> entries(String source, String isolation) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    p.put("isolation.level", isolation);
    List<FeedEntry> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : c.partitionsFor(Topics.ENTRIES)) {
        parts.add(new TopicPartition(Topics.ENTRIES, info.partition()));
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      // read_committed stops at the last stable offset, which is where its end offsets are.
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          FeedEntry e = Json.read(r.value(), FeedEntry.class);
          if (e.source().equals(source)) {
            out.add(e);
          }
        }
      }
    }
    // Entries of one source share a host key, so one partition, so their order is the write order.
    return out;
  }
}
