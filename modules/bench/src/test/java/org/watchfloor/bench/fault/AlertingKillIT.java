package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.app.bench.RateLimiter;
import org.watchfloor.app.bench.WebhookReceiver;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Scenario 4: two alerting instances, one in a child JVM killed with SIGKILL while alerts flow; a loopback webhook
 * counts deliveries by Idempotency-Key. No alert may be missing or arrive twice. (AlertingAppIT in the alerting
 * module covers a clean stop and a notifier that lost its offsets.)
 */
class AlertingKillIT {
  @TempDir Path dir;

  @Test
  void killingAnAlertingInstanceLosesNoAlertAndDeliversNoneTwice() throws Exception {
    String bootstrap = SharedStack.kafkaOnly().kafka().bootstrapServers();
    String run = Faults.runId("alerting-kill");
    int total = Faults.longRun() ? 600 : 200;
    String source = "src-" + run;
    String rule = "rule-" + run;
    Map<String, Integer> alertsPerArticle = Faults.newCounts();
    try (WebhookReceiver receiver = WebhookReceiver.start().onFirstDelivery((key, body) ->
        Json.read(body, Alert.class).articleIds().forEach(id -> alertsPerArticle.merge(id, 1, Integer::sum)))) {
      Path rules = Files.writeString(dir.resolve("alert-rules.yaml"), """
          channels:
            hook: {type: webhook, url: "%s"}
          rules:
            - {id: %s, name: fault suite, type: match, filter: {sources: [%s]}, channels: [hook]}
          """.formatted(receiver.url(), rule, source));
      Map<String, String> values = new HashMap<>();
      values.put("alerting.application.id", "fault-" + run);
      values.put("alerting.rules.file", rules.toString());
      values.put("alerting.tick", "1s");
      values.put("alerting.webhook.secret", "fault");
      values.put("alerting.notify.allow.private", "true");
      values.put("alerting.notify.backoff", "50ms");
      values.put("pipeline.partitions", "3");
      values.put("kafka.session.timeout.ms", "6000");
      values.put("kafka.heartbeat.interval.ms", "1000");
      Map<String, String> childValues = new HashMap<>(values);
      childValues.put("alerting.instance", "child");
      childValues.put("alerting.state.dir", dir.resolve("child").toString());
      Map<String, String> ownValues = new HashMap<>(values);
      ownValues.put("alerting.instance", "own");
      ownValues.put("alerting.state.dir", dir.resolve("own").toString());

      List<String> expected = new ArrayList<>();
      try (ChildStage child = ChildStage.launch("alerting", bootstrap, Faults.configDir(), childValues)) {
        assertThat(child.awaitReady(Duration.ofSeconds(120))).as("child alerting started").isTrue();
        Stage own = AlertingApp.create(new StageContext(Settings.of(ownValues, Faults.configDir()), bootstrap, null,
            new SimpleMeterRegistry()));
        own.start();
        try (KafkaProducer<byte[], byte[]> producer = Faults.producer(bootstrap)) {
          RateLimiter limiter = new RateLimiter(Faults.longRun() ? 30 : 20);
          for (int i = 0; i < total; i++) {
            limiter.acquire();
            String id = run + "-" + i;
            expected.add(id);
            EnrichedArticle a = article(id, source);
            producer.send(new ProducerRecord<>(Topics.ENRICHED, id.getBytes(StandardCharsets.UTF_8), Json.write(a)));
            if (i == total / 3) {
              producer.flush();
              // kill it while it is delivering, not before it has started
              await().atMost(Duration.ofSeconds(120)).until(() -> receiver.uniqueKeys() >= total / 6);
              child.kill();
            }
          }
        }
        Faults.waitUntil(Duration.ofSeconds(180), () -> receiver.uniqueKeys() >= total);
        // anything more would be a duplicate: give redeliveries time to show up
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        own.close();
      }
      // Two different alerts for one article would be a duplicate no receiver can drop. The same alert sent again
      // with its Idempotency-Key is the at-least-once window of a notifier killed between sending and recording;
      // it is counted and bounded, and an idempotent receiver drops it.
      long redelivered = receiver.requests() - receiver.uniqueKeys();
      Faults.Verdict v = Faults.Verdict.of("alerting-kill", expected, alertsPerArticle).print();
      LoggerFactory.getLogger(AlertingKillIT.class).info(
          "fault alerting-kill: {} webhook requests for {} idempotency keys ({} redelivered with the same key)",
          receiver.requests(), receiver.uniqueKeys(), redelivered);
      assertThat(v.lost()).isZero();
      assertThat(v.duplicated()).isZero();
      assertThat(redelivered).as("same-key redeliveries, at most one batch in flight at the kill").isLessThanOrEqualTo(10);
      long delivered = receiver.uniqueKeys();
      assertThat(delivered).isEqualTo(total);
    }
  }

  private static EnrichedArticle article(String id, String source) {
    Instant now = Instant.now();
    RawArticle raw = new RawArticle(RawArticle.VERSION, id, "https://example.org/" + id, null, source, "asia",
        List.of(), "North Korea fires missile " + id, "North Korea fired a missile.", List.of(), now, null, now, "en",
        null, null, RawArticle.FROM_PAGE);
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, "en",
        List.of(new ActorMention("PRK", "STATE", "North Korea", null, "PRK", 1, List.of("North Korea"))), List.of(),
        new Tension(80, TensionLevel.of(80), -7, List.of()), List.of(), 0L, id, null, now);
  }
}
