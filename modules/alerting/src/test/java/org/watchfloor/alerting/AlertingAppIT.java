package org.watchfloor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.alerting.rules.TestArticles.article;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alerting.notify.AlertDelivery;
import org.watchfloor.alerting.notify.Channels;
import org.watchfloor.alerting.notify.DeliveryWorker;
import org.watchfloor.alerting.notify.Receiver;
import org.watchfloor.alerting.notify.RetryPolicy;
import org.watchfloor.alerting.notify.WebhookNotifier;
import org.watchfloor.alerting.rules.AlertIds;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

class AlertingAppIT {
  private static String bootstrap;

  @TempDir
  Path dir;

  private final Receiver receiver = new Receiver().answer("/reject", n -> 400);
  private final List<Stage> stages = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void broker() {
    bootstrap = SharedStack.kafkaOnly().kafka().bootstrapServers();
  }

  @AfterEach
  void stop() throws Exception {
    for (Stage s : stages) {
      s.close();
    }
    for (AutoCloseable c : closeables) {
      c.close();
    }
    receiver.close();
  }

  private Path config(String rules) throws Exception {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve(RuleLoader.FILE), """
        channels:
          hook: {type: webhook, url: "%s"}
          broken: {type: webhook, url: "%s"}
        rules:
        """.formatted(receiver.url("/hook"), receiver.url("/reject")) + rules);
    return configDir;
  }

  private StageContext context(Path configDir, String appId, String instance, SimpleMeterRegistry metrics) {
    Map<String, String> s = new HashMap<>();
    s.put("alerting.application.id", appId);
    s.put("alerting.state.dir", dir.resolve("state").toString());
    s.put("alerting.instance", instance);
    s.put("alerting.tick", "1s");
    s.put("alerting.webhook.secret", "s3cret");
    s.put("alerting.notify.allow.private", "true");
    s.put("alerting.notify.backoff", "20ms");
    s.put("alerting.notify.max.attempts", "3");
    s.put("pipeline.partitions", "3");
    return new StageContext(Settings.of(s, configDir), bootstrap, null, metrics);
  }

  private Stage start(StageContext ctx) {
    Stage stage = AlertingApp.create(ctx);
    stages.add(stage);
    stage.start();
    return stage;
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, EnrichedArticle a) {
    producer.send(new ProducerRecord<>(Topics.ENRICHED, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
  }

  @Test
  void twoInstancesShareTheWorkAndLosingOneMidStreamLosesNoAlertAndSendsNoneTwice() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String rule = "prk-" + run;
    Path configDir = config("  - {id: " + rule + ", type: match, filter: {actors: [PRK], min_level: HIGH}, "
        + "channels: [hook]}\n");
    String appId = "alerting-it-" + run;
    SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
    SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
    Stage a = start(context(configDir, appId, "a", metricsA));
    Stage b = start(context(configDir, appId, "b", metricsB));
    await().atMost(Duration.ofSeconds(60)).until(() -> ((AlertingApp.AlertingStage) a).running()
        && ((AlertingApp.AlertingStage) b).running());

    int n = 60;
    Set<String> expected = new HashSet<>();
    CompletableFuture<Void> killed = null;
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = 0; i < n; i++) {
        String id = run + "-" + i;
        send(producer, article(id).at(Instant.now()).actors("PRK", "KOR").score(85).build());
        // an article that no rule wants, in between
        send(producer, article(id + "-low").at(Instant.now()).actors("PRK").score(10).build());
        expected.add(AlertIds.of(rule, "*", id));
        producer.flush();
        if (i == n / 2) {
          killed = CompletableFuture.runAsync(a::close);
        }
        Thread.yield();
        await().pollDelay(Duration.ofMillis(50)).until(() -> true);
      }
    }
    killed.get();

    await().atMost(Duration.ofSeconds(120)).until(() -> ids("/hook").size() >= n);
    // and nothing more arrives afterwards: no alert was sent twice
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> receiver.accepted().size() == n);
    assertThat(ids("/hook")).containsExactlyInAnyOrderElementsOf(expected);
    for (Receiver.Request r : receiver.accepted()) {
      assertThat(r.header("X-Watchfloor-Signature")).isEqualTo("sha256=" + WebhookNotifier.hmacSha256("s3cret",
          r.body()));
      Alert alert = Json.read(r.body(), Alert.class);
      assertThat(alert.id()).isEqualTo(r.header("Idempotency-Key"));
    }
    double delivered = metricsA.counter(Metrics.DELIVERED, "stage", "alerting").count()
        + metricsB.counter(Metrics.DELIVERED, "stage", "alerting").count();
    assertThat(delivered).isEqualTo(n);

    // a notifier that lost its offsets entirely still sends nothing again: it reads the delivery records back
    DeliveryWorker fresh = new DeliveryWorker(context(configDir, appId, "c", new SimpleMeterRegistry())
        .kafkaProperties(), appId + "-notifier-lost-offsets", "c",
        Channels.create(new RuleLoader(Map.of()).load(configDir.resolve(RuleLoader.FILE)).channels(),
            Settings.of(Map.of("alerting.webhook.secret", "s3cret", "alerting.notify.allow.private", "true"), configDir)),
        new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(20)), new SimpleMeterRegistry());
    closeables.add(fresh);
    fresh.start();
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
        .until(() -> receiver.accepted().size() == n);
  }

  @Test
  void undeliverableAlertGoesToDeadLettersWithItsReasonAndAFailedDeliveryRecord() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String rule = "rej-" + run;
    String actor = "X" + run.toUpperCase();
    Path configDir = config("  - {id: " + rule + ", type: match, filter: {actors: [" + actor + "]}, "
        + "channels: [broken, log]}\n");
    start(context(configDir, "alerting-it-" + run, "a", new SimpleMeterRegistry()));
    String articleId = "dl-" + run;
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(producer, article(articleId).at(Instant.now()).actors(actor).build());
      producer.send(new ProducerRecord<>(Topics.ENRICHED, ("junk-" + run).getBytes(StandardCharsets.UTF_8),
          "not json".getBytes(StandardCharsets.UTF_8)));
    }
    String alertId = AlertIds.of(rule, "*", articleId);
    await().atMost(Duration.ofSeconds(90)).until(() -> deliveries(alertId).size() >= 2);
    Map<String, AlertDelivery> byChannel = deliveries(alertId).stream()
        .collect(Collectors.toMap(AlertDelivery::channel, d -> d));
    assertThat(byChannel.get("broken").status()).isEqualTo(AlertDelivery.FAILED);
    assertThat(byChannel.get("broken").attempts()).isEqualTo(1);
    assertThat(byChannel.get("broken").error()).contains("answered 400");
    assertThat(byChannel.get("log").status()).isEqualTo(AlertDelivery.DELIVERED);
    assertThat(receiver.calls("/reject")).isEqualTo(1);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<ConsumerRecord<byte[], byte[]>> dead = readAll(Topics.DEAD_LETTERS);
      assertThat(dead).anySatisfy(r -> {
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(alertId);
        assertThat(DeadLetters.header(r.headers(), DeadLetters.STAGE)).isEqualTo("alerting");
        assertThat(DeadLetters.header(r.headers(), DeadLetters.MESSAGE)).contains("channel broken", "answered 400");
        assertThat(Json.read(r.value(), Alert.class).id()).isEqualTo(alertId);
      });
      assertThat(dead).anySatisfy(r -> {
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("junk-" + run);
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
      });
    });
  }

  private Set<String> ids(String path) {
    return receiver.accepted().stream().filter(r -> r.path().equals(path)).map(r -> r.header("Idempotency-Key"))
        .collect(Collectors.toSet());
  }

  private static List<AlertDelivery> deliveries(String alertId) {
    List<AlertDelivery> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.ALERT_DELIVERIES)) {
      if (alertId.equals(new String(r.key(), StandardCharsets.UTF_8))) {
        out.add(Json.readPlain(r.value(), AlertDelivery.class));
      }
    }
    return out;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : c.partitionsFor(topic)) {
        parts.add(new TopicPartition(topic, info.partition()));
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 10_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }
}
