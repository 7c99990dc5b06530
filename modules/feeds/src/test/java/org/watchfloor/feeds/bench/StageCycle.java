package org.watchfloor.feeds.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.devstack.LocalKafka;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.feeds.poll.FeedPoller;
import org.watchfloor.feeds.poll.FeedState;
import org.watchfloor.feeds.poll.SourcePoller;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.http.FetchLimits;
import org.watchfloor.http.SafeHttpFetcher;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.Metrics;

/** Cycle 2 of {@link PollingCapacityBench} through the whole stage on a local Kafka broker. */
final class StageCycle {
  private static final Logger LOG = LoggerFactory.getLogger(StageCycle.class);

  private StageCycle() {}

  static void run(List<Source> sources, FeedState[] states, int threads, AtomicInteger answered200,
      AtomicInteger answered304) throws InterruptedException {
    try (LocalKafka kafka = LocalKafka.start()) {
      kafka.createTopics(3);
      // Seeding a partition that has no leader yet lost the first batch of states in some loaded runs
      // (NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout).
      awaitLeaders(kafka.admin());
      AtomicInteger failedSeeds = new AtomicInteger();
      Properties props = new Properties();
      props.put("bootstrap.servers", kafka.bootstrapServers());
      // The state a previous run left behind: validators and seen ids, last polled an hour ago, so all are due.
      try (KafkaProducer<byte[], byte[]> p =
               new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        for (FeedState s : states) {
          FeedState due = new FeedState(s.schemaVersion(), s.source(), s.etag(), s.lastModified(), s.seen(),
              s.intervalMs(), 0, hourAgo);
          p.send(new ProducerRecord<>(Topics.FEED_STATE, s.source().getBytes(StandardCharsets.UTF_8),
              Json.write(due)), (md, e) -> {
                if (e != null) {
                  failedSeeds.incrementAndGet();
                  LOG.warn("seeding the state of {} failed: {}", s.source(), e.toString());
                }
              });
        }
      }
      LOG.info("seeded {} states ({} failed); {} records in {}", states.length, failedSeeds.get(),
          countRecords(kafka.admin(), Topics.FEED_STATE), Topics.FEED_STATE);
      if (failedSeeds.get() > 0) {
        throw new IllegalStateException(failedSeeds.get() + " seeded states were not written: the cycle would "
            + "measure lost validators, not the stage");
      }
      FeedsApp.publishSources(props, sources);
      answered200.set(0);
      answered304.set(0);
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      FeedPoller poller = new FeedPoller(props, new SourcePoller(new SafeHttpFetcher(FetchLimits.DEFAULTS)), metrics,
          new FeedPoller.Options("bench-feeds", threads, Duration.ZERO));
      long t0 = System.nanoTime();
      poller.start();
      try {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (poller.polls() < sources.size() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("cycle 2 through the stage (Kafka group, scheduler, state and entries to Kafka): {} polls in {} s "
                + "= {} polls/s, from start() including group join and loading {} states; {} answered 200, "
                + "{} answered 304; {} entries published",
            poller.polls(), String.format(Locale.ROOT, "%.1f", seconds),
            String.format(Locale.ROOT, "%.0f", poller.polls() / seconds), states.length, answered200.get(),
            answered304.get(), (long) metrics.counter(Metrics.ENTRIES, "stage", "feeds").count());
      } finally {
        poller.close();
      }
    }
  }

  private static void awaitLeaders(org.apache.kafka.clients.admin.Admin admin) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        boolean ready = admin.describeTopics(Topics.ALL).allTopicNames().get().values().stream()
            .flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (ready) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.debug("topics not described yet: {}", e.toString());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("topic partitions without a leader after 30 s");
  }

  private static long countRecords(org.apache.kafka.clients.admin.Admin admin, String topic) {
    try {
      var desc = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> req =
          new java.util.HashMap<>();
      desc.partitions().forEach(pi -> req.put(new org.apache.kafka.common.TopicPartition(topic, pi.partition()),
          org.apache.kafka.clients.admin.OffsetSpec.latest()));
      long sum = 0;
      for (var info : admin.listOffsets(req).all().get().values()) {
        sum += info.offset();
      }
      return sum;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.warn("cannot count the records of {}: {}", topic, e.toString());
      return -1;
    }
  }
}
