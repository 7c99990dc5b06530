package org.watchfloor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerting.rules.TestArticles.article;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;

class AlertTopologyTest {
  private static final String RULES = """
      rules:
        - {id: prk, type: match, group_by: actor, filter: {actors: [PRK], min_level: HIGH}}
        - {id: freq, type: frequency, window: 1h, threshold: 3, filter: {topics: [nuclear_missiles]}}
        - {id: quiet, type: flatline, quiet: 1h, group_by: source}
      """;

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> enriched;
  private TestInputTopic<String, byte[]> rules;
  private TestOutputTopic<byte[], byte[]> alerts;
  private TestOutputTopic<byte[], byte[]> dead;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private void start(String yaml) {
    RuleSet set = new RuleLoader(Map.of()).parse(yaml, "test");
    assertThat(set.problems()).isEmpty();
    RuleRegistry registry = new RuleRegistry(set, new RuleLoader(Map.of()));
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-topology-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(AlertTopology.build(registry, metrics, Duration.ofSeconds(10)), p,
        java.time.Instant.parse("2026-11-20T00:00:00Z"));
    enriched = driver.createInputTopic(Topics.ENRICHED, new ByteArraySerializer(), new ByteArraySerializer());
    rules = driver.createInputTopic(Topics.RULES, new StringSerializer(), new ByteArraySerializer());
    alerts = driver.createOutputTopic(Topics.ALERTS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    dead = driver.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(EnrichedArticle a) {
    enriched.pipeInput(a.id().getBytes(StandardCharsets.UTF_8), Json.write(a), a.article().fetchedAt());
  }

  private List<Alert> readAlerts() {
    return alerts.readRecordsToList().stream().map(r -> {
      Alert a = Json.read(r.value(), Alert.class);
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(a.id());
      return a;
    }).toList();
  }

  @Test
  void firesAlertForMatchingArticleKeyedByItsId() {
    start(RULES);
    send(article("a1").actors("PRK", "KOR").score(75).build());
    send(article("a2").actors("PRK").score(30).build());
    List<Alert> out = readAlerts();
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("prk");
      assertThat(a.key()).isEqualTo("PRK");
      assertThat(a.articleIds()).containsExactly("a1");
      assertThat(a.channels()).containsExactly("log");
    });
    assertThat(metrics.counter(Metrics.ALERTS, "stage", "alerting").count()).isEqualTo(1.0);
  }

  @Test
  void countsFrequencyAcrossArticlesThroughTheRepartition() {
    start(RULES);
    for (int i = 0; i < 3; i++) {
      send(article("n" + i).atMinute(i).topic("nuclear_missiles", 0.8).build());
    }
    assertThat(readAlerts()).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("freq");
      assertThat(a.count()).isEqualTo(3);
    });
  }

  @Test
  void routesUnparseableArticleToDeadLettersAndKeepsGoing() {
    start(RULES);
    enriched.pipeInput("bad".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
    enriched.pipeInput("v9".getBytes(StandardCharsets.UTF_8),
        new String(Json.write(article("v9").build()), StandardCharsets.UTF_8)
            .replaceFirst("\"schema_version\":1", "\"schema_version\":9").getBytes(StandardCharsets.UTF_8));
    send(article("ok").actors("PRK").score(90).build());
    List<TestRecord<byte[], byte[]>> dl = dead.readRecordsToList();
    assertThat(dl).hasSize(2);
    assertThat(new String(dl.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(DeadLetters.header(dl.get(0).headers(), DeadLetters.STAGE)).isEqualTo("alerting");
    assertThat(DeadLetters.header(dl.get(0).headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.ENRICHED);
    assertThat(DeadLetters.header(dl.get(1).headers(), DeadLetters.MESSAGE)).contains("schema_version 9");
    assertThat(readAlerts()).extracting(Alert::ruleId).containsExactly("prk");
    assertThat(metrics.counter(Metrics.DEAD_LETTERS, "stage", "alerting").count()).isEqualTo(2.0);
  }

  @Test
  void appliesRuntimeRulesFromTheRulesTopicWithoutRestart() {
    start(RULES);
    rules.pipeInput("kor", "{\"id\":\"kor\",\"type\":\"match\",\"filter\":{\"actors\":[\"KOR\"]}}"
        .getBytes(StandardCharsets.UTF_8));
    rules.pipeInput("broken", "{\"id\":\"broken\",\"type\":\"frequency\"}".getBytes(StandardCharsets.UTF_8));
    // overriding a file rule by id: PRK alerts now need SEVERE
    rules.pipeInput("prk", "{\"id\":\"prk\",\"type\":\"match\",\"filter\":{\"actors\":[\"PRK\"],\"min_level\":\"SEVERE\"}}"
        .getBytes(StandardCharsets.UTF_8));
    send(article("b1").actors("KOR", "PRK").score(70).build());
    assertThat(readAlerts()).extracting(Alert::ruleId).containsExactly("kor");

    rules.pipeInput("kor", (byte[]) null);
    rules.pipeInput("prk", (byte[]) null);
    send(article("b2").actors("KOR", "PRK").score(70).build());
    assertThat(readAlerts()).extracting(Alert::ruleId).containsExactly("prk");
  }

  @Test
  void appliesSilencesFromTheRulesTopicWithoutRestart() {
    start(RULES);
    rules.pipeInput("silence/desk-1", ("{\"id\":\"desk-1\",\"rule\":\"prk\",\"key\":\"PRK\","
        + "\"until\":\"2026-11-20T01:00:00Z\",\"reason\":\"silenced from the desk\"}")
        .getBytes(StandardCharsets.UTF_8));
    rules.pipeInput("silence/broken", "{\"id\":\"broken\"}".getBytes(StandardCharsets.UTF_8));
    send(article("s1").actors("PRK").score(90).atMinute(5).build());
    assertThat(readAlerts()).isEmpty();
    // after its until time the silence no longer mutes
    send(article("s2").actors("PRK").score(90).atMinute(61).build());
    assertThat(readAlerts()).extracting(Alert::ruleId).containsExactly("prk");

    rules.pipeInput("silence/desk-1", (byte[]) null);
    send(article("s3").actors("PRK").score(90).atMinute(6).build());
    assertThat(readAlerts()).extracting(Alert::ruleId).containsExactly("prk");
    assertThat(metrics.counter(Metrics.DEAD_LETTERS, "stage", "alerting").count()).isEqualTo(1.0);
  }

  @Test
  void wallClockPunctuatorReportsQuietSource() {
    start(RULES);
    send(article("s1").at(java.time.Instant.parse("2026-11-20T00:00:00Z")).source("kcna").build());
    assertThat(readAlerts()).isEmpty();
    driver.advanceWallClockTime(Duration.ofMinutes(30));
    assertThat(readAlerts()).isEmpty();
    driver.advanceWallClockTime(Duration.ofMinutes(31));
    assertThat(readAlerts()).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("quiet");
      assertThat(a.key()).isEqualTo("kcna");
    });
    driver.advanceWallClockTime(Duration.ofMinutes(30));
    assertThat(readAlerts()).isEmpty();
  }

  @Test
  void stateSurvivesInTheStoreBetweenArticles() throws Exception {
    start(RULES);
    send(article("c1").atMinute(0).topic("nuclear_missiles", 0.9).build());
    send(article("c2").atMinute(1).topic("nuclear_missiles", 0.9).build());
    assertThat(readAlerts()).isEmpty();
    assertThat(driver.getKeyValueStore(AlertTopology.STATE_STORE).get("frequency|freq|*")).isNotNull();
    assertThat(Files.exists(stateDir)).isTrue();
  }

}
