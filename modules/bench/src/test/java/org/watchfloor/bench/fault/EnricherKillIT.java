package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.app.bench.RateLimiter;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Scenario 1: three enricher instances, two in child JVMs, one of them killed with SIGKILL mid-stream; every article
 * is on the enriched topic exactly once for read_committed readers, and every syndicated copy still joins its
 * original's story. (EnrichmentIT in the enricher covers a clean stop.)
 */
class EnricherKillIT {
  @TempDir Path dir;

  @Test
  void killingOneOfThreeEnrichersMidStreamLosesNothingDuplicatesNothingAndKeepsStoriesGrouped() throws Exception {
    String bootstrap = SharedStack.kafkaOnly().kafka().bootstrapServers();
    String run = Faults.runId("enricher-kill");
    int total = Faults.longRun() ? 6000 : 1500;
    Map<String, String> values = new HashMap<>();
    values.put("enricher.application.id", "fault-" + run);
    values.put("pipeline.partitions", "3");
    // a dead member is noticed after the session timeout: keep it short so the scenario stays bounded
    values.put("kafka.session.timeout.ms", "6000");
    values.put("kafka.heartbeat.interval.ms", "1000");

    Map<String, String> childValues = new HashMap<>(values);
    childValues.put("enricher.state.dir", dir.resolve("child").toString());
    Map<String, String> survivorValues = new HashMap<>(values);
    survivorValues.put("enricher.state.dir", dir.resolve("survivor").toString());
    Map<String, String> ownValues = new HashMap<>(values);
    ownValues.put("enricher.state.dir", dir.resolve("own").toString());

    SyntheticArticles articles = new SyntheticArticles(run, 0, run.hashCode());
    List<String> expected = new ArrayList<>();
    Map<String, Integer> seen = Faults.newCounts();
    List<String> copies = new ArrayList<>();
    Map<String, StoryUpdate> stories = new HashMap<>();
    try (ChildStage child = ChildStage.launch("enricher", bootstrap, Faults.configDir(), childValues);
        ChildStage survivor = ChildStage.launch("enricher", bootstrap, Faults.configDir(), survivorValues)) {
      assertThat(child.awaitReady(Duration.ofSeconds(180))).as("child enricher started").isTrue();
      assertThat(survivor.awaitReady(Duration.ofSeconds(180))).as("second child enricher started").isTrue();
      Stage own = EnricherApp.create(new StageContext(Settings.of(ownValues, Faults.configDir()), bootstrap, null,
          new SimpleMeterRegistry()));
      own.start();
      try (KafkaProducer<byte[], byte[]> producer = Faults.producer(bootstrap);
          KafkaConsumer<byte[], byte[]> reader = Faults.committedReader(bootstrap, Topics.ENRICHED);
          KafkaConsumer<byte[], byte[]> storyReader = Faults.committedReader(bootstrap, Topics.STORIES)) {
        RateLimiter limiter = new RateLimiter(Faults.longRun() ? 200 : 100);
        for (int i = 0; i < total; i++) {
          limiter.acquire();
          RawArticle a = articles.article(i);
          // every tenth article is a syndicated copy of the one before it, under another id
          if (i % 10 == 9) {
            a = Faults.copyOf(articles.article(i - 1), articles.article(i - 1).id() + "-copy");
            copies.add(a.id());
          }
          expected.add(a.id());
          producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
          if (i == total / 3) {
            producer.flush();
            // both instances must be working before one dies
            await().atMost(Duration.ofSeconds(120)).until(() -> {
              Faults.drain(reader, run, seen);
              return seen.size() >= total / 6;
            });
            child.kill();
          }
          if (i % 100 == 0) {
            Faults.drain(reader, run, seen);
          }
        }
        producer.flush();
        Faults.waitUntil(Duration.ofSeconds(180), () -> {
          Faults.drain(reader, run, seen);
          Faults.drainStories(storyReader, run, stories);
          return seen.size() >= total && Faults.ungrouped(copies, stories).isEmpty();
        });
        Faults.drainFor(reader, run, seen, Duration.ofSeconds(5));
        // stories settle eventually: an original that joins an earlier story passes it on to its copies a moment later
        Faults.waitUntil(Duration.ofSeconds(60), () -> {
          Faults.drainStories(storyReader, run, stories);
          return Faults.ungrouped(copies, stories).isEmpty();
        });
      } finally {
        own.close();
      }
    }
    Faults.Verdict v = Faults.Verdict.of("enricher-kill", expected, seen).print();
    List<String> ungrouped = Faults.ungrouped(copies, stories);
    System.out.printf("fault enricher-kill stories: copies=%d grouped=%d%n", copies.size(),
        copies.size() - ungrouped.size());
    ungrouped.stream().limit(5).forEach(c -> System.out.println("ungrouped " + c + ": " + stories.get(c)
        + "; its original: " + stories.get(c.substring(0, c.length() - "-copy".length()))));
    assertThat(ungrouped).as("copies not in their original's story").isEmpty();
    assertThat(v.lost()).isZero();
    assertThat(v.duplicated()).isZero();
    assertThat(v.delivered()).isEqualTo(total);
  }
}
