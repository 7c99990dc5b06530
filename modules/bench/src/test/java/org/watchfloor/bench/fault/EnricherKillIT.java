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
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Scenario 1: two enricher instances, one in a child JVM killed with SIGKILL mid-stream; every article is on the
 * enriched topic exactly once for read_committed readers. (EnrichmentIT in the enricher covers a clean stop.)
 */
class EnricherKillIT {
  @TempDir Path dir;

  @Test
  void killingOneOfTwoEnrichersMidStreamLeavesEveryArticleOnTheEnrichedTopicExactlyOnce() throws Exception {
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
    Map<String, String> ownValues = new HashMap<>(values);
    ownValues.put("enricher.state.dir", dir.resolve("own").toString());

    SyntheticArticles articles = new SyntheticArticles(run, 0, 3);
    List<String> expected = new ArrayList<>();
    Map<String, Integer> seen = Faults.newCounts();
    try (ChildStage child = ChildStage.launch("enricher", bootstrap, Faults.configDir(), childValues)) {
      assertThat(child.awaitReady(Duration.ofSeconds(120))).as("child enricher started").isTrue();
      Stage own = EnricherApp.create(new StageContext(Settings.of(ownValues, Faults.configDir()), bootstrap, null,
          new SimpleMeterRegistry()));
      own.start();
      try (KafkaProducer<byte[], byte[]> producer = Faults.producer(bootstrap);
          KafkaConsumer<byte[], byte[]> reader = Faults.committedReader(bootstrap, Topics.ENRICHED)) {
        RateLimiter limiter = new RateLimiter(Faults.longRun() ? 200 : 100);
        for (int i = 0; i < total; i++) {
          limiter.acquire();
          RawArticle a = articles.article(i);
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
          return seen.size() >= total;
        });
        Faults.drainFor(reader, run, seen, Duration.ofSeconds(5));
      } finally {
        own.close();
      }
    }
    Faults.Verdict v = Faults.Verdict.of("enricher-kill", expected, seen).print();
    assertThat(v.lost()).isZero();
    assertThat(v.duplicated()).isZero();
    assertThat(v.delivered()).isEqualTo(total);
  }
}
