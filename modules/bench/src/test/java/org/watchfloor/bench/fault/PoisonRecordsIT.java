package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Scenario 5: invalid JSON, an unknown schema version, a 5 MB article and an empty body on the raw topic, between good
 * articles; each poison record lands on the dead-letter topic with its reason, and the good ones are enriched.
 */
class PoisonRecordsIT {
  @TempDir Path dir;

  @Test
  void poisonRecordsGoToDeadLettersWithTheirReasonAndThePipelineContinues() throws Exception {
    DevStack stack = SharedStack.kafkaOnly();
    String bootstrap = stack.kafka().bootstrapServers();
    // the raw topic must accept a 5 MB record for the enricher to be shown one
    ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
    stack.kafka().admin().incrementalAlterConfigs(Map.of(raw, List.<AlterConfigOp>of(new AlterConfigOp(
        new ConfigEntry("max.message.bytes", Integer.toString(8 * 1024 * 1024)), AlterConfigOp.OpType.SET))))
        .all().get();
    String run = Faults.runId("poison");
    SyntheticArticles articles = new SyntheticArticles(run + "-good", 0, 9);
    RawArticle template = articles.article(0);
    Map<String, byte[]> poison = new LinkedHashMap<>();
    poison.put(run + "-invalid-json", "{\"schema_version\": 1, \"id\": ".getBytes(StandardCharsets.UTF_8));
    poison.put(run + "-unknown-version", Json.write(withVersion(template, run + "-unknown-version", 99)));
    poison.put(run + "-5mb", Json.write(withText(template, run + "-5mb", "war ".repeat(5 * 1024 * 1024 / 4))));
    poison.put(run + "-empty", new byte[0]);
    Map<String, String> reasons = Map.of(
        run + "-invalid-json", "invalid JSON",
        run + "-unknown-version", "unknown schema_version 99",
        run + "-5mb", "exceeds the limit",
        run + "-empty", "empty payload");
    int good = 20;

    Stage enricher = EnricherApp.create(new StageContext(Settings.of(Map.of(
        "enricher.application.id", "fault-" + run,
        "enricher.state.dir", dir.toString()), Faults.configDir()), bootstrap, null, new SimpleMeterRegistry()));
    enricher.start();
    Map<String, Integer> enriched = Faults.newCounts();
    Map<String, String> dead = new ConcurrentHashMap<>();
    Map<String, Integer> deadCounts = Faults.newCounts();
    try (KafkaProducer<byte[], byte[]> producer = bigProducer(bootstrap);
        KafkaConsumer<byte[], byte[]> out = Faults.committedReader(bootstrap, Topics.ENRICHED);
        KafkaConsumer<byte[], byte[]> dlq = Faults.committedReader(bootstrap, Topics.DEAD_LETTERS)) {
      int i = 0;
      for (Map.Entry<String, byte[]> p : poison.entrySet()) {
        send(producer, articles.article(i++));
        producer.send(new ProducerRecord<>(Topics.RAW, p.getKey().getBytes(StandardCharsets.UTF_8), p.getValue()))
            .get();
      }
      while (i < good) {
        send(producer, articles.article(i++));
      }
      producer.flush();
      Faults.waitUntil(Duration.ofSeconds(180), () -> {
        Faults.drain(out, run + "-good", enriched);
        for (ConsumerRecord<byte[], byte[]> r : dlq.poll(Duration.ofMillis(100))) {
          String key = Faults.key(r);
          if (poison.containsKey(key)) {
            deadCounts.merge(key, 1, Integer::sum);
            dead.put(key, DeadLetters.header(r.headers(), DeadLetters.MESSAGE) + " | stage="
                + DeadLetters.header(r.headers(), DeadLetters.STAGE));
          }
        }
        return enriched.size() >= good && dead.size() >= poison.size();
      });
      Faults.drainFor(out, run + "-good", enriched, Duration.ofSeconds(3));
    } finally {
      enricher.close();
    }
    dead.forEach((k, why) -> org.slf4j.LoggerFactory.getLogger(PoisonRecordsIT.class).info("{} -> {}", k, why));
    Map<String, Integer> all = new LinkedHashMap<>(enriched);
    all.putAll(deadCounts);
    Collection<String> expected = new java.util.ArrayList<>(poison.keySet());
    for (int i = 0; i < good; i++) {
      expected.add(articles.id(i));
    }
    Faults.Verdict v = Faults.Verdict.of("poison-records", expected, all).print();
    assertThat(v.lost()).isZero();
    assertThat(v.duplicated()).isZero();
    reasons.forEach((key, reason) -> assertThat(dead.get(key)).as(key).contains(reason).contains("stage=enricher"));
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, RawArticle a) {
    producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
  }

  private static RawArticle withVersion(RawArticle a, String id, int version) {
    return new RawArticle(version, id, a.url() + "-v", null, a.source(), a.region(), a.tags(), a.title(), a.text(),
        a.authors(), a.published(), null, Instant.now(), a.languageHint(), null, a.siteName(), a.contentSource());
  }

  private static RawArticle withText(RawArticle a, String id, String text) {
    return new RawArticle(a.schemaVersion(), id, a.url() + "-big", null, a.source(), a.region(), a.tags(), a.title(),
        text, a.authors(), a.published(), null, Instant.now(), a.languageHint(), null, a.siteName(),
        a.contentSource());
  }

  private static KafkaProducer<byte[], byte[]> bigProducer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
