package org.watchfloor.feeds.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;

/**
 * The feed state is loaded to the end of every partition, committed states only: an aborted state is never loaded,
 * and a state committed behind a transaction that is still open is not left out (the loader waits for it to end).
 */
class FeedStateLoaderIT {
  private static DevStack stack;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void broker() {
    stack = SharedStack.kafkaOnly();
  }

  private Properties base() {
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    return p;
  }

  private KafkaProducer<byte[], byte[]> transactional(String id) {
    Properties p = base();
    p.put("transactional.id", "loader-it-" + run + "-" + id);
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
    return producer;
  }

  private static ProducerRecord<byte[], byte[]> state(String source, String... seen) {
    FeedState s = new FeedState(FeedState.VERSION, source, null, null, List.of(seen), 1000, 0,
        Instant.parse("2026-12-01T00:00:00Z"));
    return new ProducerRecord<>(Topics.FEED_STATE, source.getBytes(StandardCharsets.UTF_8), Json.write(s));
  }

  private Map<String, FeedState> load() {
    Map<String, FeedState> all = FeedStateLoader.load(base(), 0, p -> true, Duration.ofSeconds(60));
    all.keySet().removeIf(k -> !k.startsWith(run));
    return all;
  }

  @Test
  void neverLoadsTheStateOfAnAbortedPoll() {
    String source = run + "-aborted";
    try (KafkaProducer<byte[], byte[]> p = transactional("a")) {
      p.beginTransaction();
      p.send(state(source, "e1"));
      p.commitTransaction();
      p.beginTransaction();
      p.send(state(source, "e1", "e2"));
      p.flush();
      p.abortTransaction();
    }
    // A read_uncommitted reader (as the stage had before) would load e2 as seen, and e2 was never emitted.
    assertThat(load().get(source).seen()).containsExactly("e1");
  }

  @Test
  void loadsStatesCommittedBehindATransactionStillOpen() throws Exception {
    String early = run + "-open";
    String late = run + "-late";
    try (KafkaProducer<byte[], byte[]> open = transactional("open");
         KafkaProducer<byte[], byte[]> other = transactional("other")) {
      open.beginTransaction();
      for (int i = 0; i < 8; i++) {
        // one per partition or so: the open transaction holds back the last stable offset everywhere
        open.send(state(early + "-" + i, "x"));
      }
      open.flush();
      other.beginTransaction();
      for (int i = 0; i < 8; i++) {
        other.send(state(late + "-" + i, "y"));
      }
      other.commitTransaction();

      CompletableFuture<Map<String, FeedState>> loading = CompletableFuture.supplyAsync(this::load);
      Thread.sleep(1500);
      // Reading only to the last stable offset would have finished by now without the late states.
      assertThat(loading).as("the loader waits for the open transaction").isNotDone();
      open.commitTransaction();
      Map<String, FeedState> loaded = loading.get(60, TimeUnit.SECONDS);
      for (int i = 0; i < 8; i++) {
        assertThat(loaded).containsKey(early + "-" + i).containsKey(late + "-" + i);
      }
    }
  }

  @Test
  void reachesTheEndWhenEveryPartitionEndsWithACommitMarker() {
    String source = run + "-markers";
    try (KafkaProducer<byte[], byte[]> p = transactional("m")) {
      for (int round = 1; round <= 5; round++) {
        p.beginTransaction();
        for (int i = 0; i < 8; i++) {
          p.send(state(source + "-" + i, "r" + round));
        }
        p.commitTransaction();
      }
    }
    long started = System.nanoTime();
    Map<String, FeedState> loaded = load();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    for (int i = 0; i < 8; i++) {
      assertThat(loaded.get(source + "-" + i).seen()).containsExactly("r5");
    }
  }
}
