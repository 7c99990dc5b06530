package org.watchfloor.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.StageContext;

class EnricherAppTest {
  private static StageContext context(Map<String, String> values) {
    return new StageContext(Settings.of(values, Path.of("config")), "127.0.0.1:9092", null, new SimpleMeterRegistry());
  }

  @Test
  void configuresExactlyOnceLowLatencyLz4AndDeadLetters() {
    Properties p = EnricherApp.streamsProperties(context(Map.of()));

    assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("watchfloor-enricher");
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("./data/streams");
    assertThat(p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("1");
    assertThat(p.get("producer.compression.type")).isEqualTo("lz4");
    // the default 16 KB batch holds three articles, and every batch opens an lz4 frame with two 64 KB buffers
    assertThat(p.get("producer.batch.size")).isEqualTo(Integer.toString(256 * 1024));
    assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo(Topics.DEAD_LETTERS);
    assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:9092");
    // the configuration must be one Kafka Streams accepts
    new StreamsConfig(p);
  }

  @Test
  void takesApplicationIdStateDirReplicationAndClientPropertiesFromSettings() {
    Properties p = EnricherApp.streamsProperties(context(Map.of(
        "enricher.application.id", "desk-2",
        "enricher.state.dir", "/var/lib/watchfloor/streams",
        "enricher.commit.interval", "250ms",
        "pipeline.replication.factor", "3",
        "kafka.security.protocol", "SSL",
        "kafka.producer.batch.size", "65536")));

    assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("desk-2");
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/var/lib/watchfloor/streams");
    assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("250");
    assertThat(p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("3");
    assertThat(p.get("security.protocol")).isEqualTo("SSL");
    assertThat(p.get("producer.batch.size")).isEqualTo("65536");
  }

  @Test
  void readsEnrichmentOptionsFromSettings() {
    EnrichmentOptions o = EnrichmentOptions.fromSettings(Settings.of(Map.of(
        "enricher.story.window", "48h", "enricher.story.max.distance", "2", "enricher.dedupe.retention", "3d"),
        Path.of("config")));

    assertThat(o.storyWindow()).hasHours(48);
    assertThat(o.maxHammingDistance()).isEqualTo(2);
    assertThat(o.dedupeRetention()).hasDays(3);
    assertThat(o.maxPayloadBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void eventTimeIsThePublishedTimeNeverLaterThanArrival() {
    long arrival = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    assertThat(EventTime.of(article(Instant.parse("2026-03-01T09:00:00Z")), arrival))
        .isEqualTo(Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());
    assertThat(EventTime.of(article(Instant.parse("2026-03-01T15:00:00Z")), arrival)).isEqualTo(arrival);
    assertThat(EventTime.of(article(null), arrival)).isEqualTo(arrival);
  }

  private static RawArticle article(Instant published) {
    return new RawArticle(RawArticle.VERSION, "a", "https://x.example/a", null, "x", null, List.of(), "t", "b",
        List.of(), published, null, null, null, null, null, RawArticle.FROM_PAGE);
  }
}
