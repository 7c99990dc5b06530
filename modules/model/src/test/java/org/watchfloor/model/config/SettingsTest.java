package org.watchfloor.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void environmentOverridesTheFileAndKafkaKeysPassThrough() throws IOException {
    Files.writeString(dir.resolve(Settings.FILE), """
        kafka:
          bootstrap.servers: file:9092
          linger.ms: 5
        elasticsearch:
          url: http://file:9200
        """);
    Settings s = Settings.load(dir, Map.of("WATCHFLOOR_ELASTICSEARCH_URL", "http://env:9200", "PATH", "/bin"));
    assertThat(s.get("elasticsearch.url", null)).isEqualTo("http://env:9200");
    assertThat(s.kafkaProperties()).containsEntry("bootstrap.servers", "file:9092").containsEntry("linger.ms", "5");
    assertThat(s.get("path", null)).isNull();
  }

  @Test
  void masksSecretsWhenPrinted() {
    Settings s = Settings.load(dir, Map.of("WATCHFLOOR_ELASTICSEARCH_PASSWORD", "hunter2",
        "WATCHFLOOR_KAFKA_SASL_JAAS_CONFIG", "secret-jaas", "WATCHFLOOR_ELASTICSEARCH_API_KEY", "k3y"));
    assertThat(s.toString()).doesNotContain("hunter2", "secret-jaas", "k3y").contains("****");
    assertThat(s.get("elasticsearch.password", null)).isEqualTo("hunter2");
  }

  @Test
  void failsWithTheKeyWhenAValueHasTheWrongType() {
    Settings s = Settings.load(dir, Map.of("WATCHFLOOR_PIPELINE_PARTITIONS", "three"));
    assertThatThrownBy(() -> s.getInt("pipeline.partitions", 3))
        .isInstanceOf(ConfigException.class).hasMessageContaining("pipeline.partitions");
    assertThatThrownBy(() -> s.require("elasticsearch.url"))
        .hasMessageContaining("WATCHFLOOR_ELASTICSEARCH_URL");
  }

  @Test
  void parsesShortDurations() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
  }

  record Sample(String name, int port) {}

  @Test
  void yamlBindingNamesTheFileAndKey() throws IOException {
    Path f = dir.resolve("x.yaml");
    Files.writeString(f, "name: a\nport: not-a-number\n");
    assertThatThrownBy(() -> YamlFiles.read(f, Sample.class))
        .isInstanceOf(ConfigException.class).hasMessageContaining("x.yaml").hasMessageContaining("port");
    Files.writeString(f, "name: a\nprot: 1\n");
    assertThatThrownBy(() -> YamlFiles.read(f, Sample.class)).hasMessageContaining("prot");
  }

  @Test
  void anUnknownKeyStopsLoadingWithTheFileTheKeyAndTheNearestValidKey() throws IOException {
    Files.writeString(dir.resolve(Settings.FILE), "bogus_key: 1\n");
    assertThatThrownBy(() -> Settings.load(dir, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(Settings.FILE).hasMessageContaining("bogus_key").hasMessageContaining("unknown key")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("bogus_key"));
    Files.writeString(dir.resolve(Settings.FILE), "elasticsearch:\n  ulr: http://x:9200\n");
    assertThatThrownBy(() -> Settings.load(dir, Map.of()))
        .hasMessageContaining("elasticsearch.ulr").hasMessageContaining("did you mean 'elasticsearch.url'?");
  }

  @Test
  void kafkaKeysAndEnvironmentVariablesAreNotCheckedAgainstTheKnownKeys() throws IOException {
    Files.writeString(dir.resolve(Settings.FILE), "kafka:\n  any.client.property: 1\nenricher:\n  threads: 2\n");
    Settings s = Settings.load(dir, Map.of("WATCHFLOOR_SOMETHING_ELSE", "x"));
    assertThat(s.kafkaProperties()).containsEntry("any.client.property", "1");
    assertThat(s.getInt("enricher.threads", 1)).isEqualTo(2);
  }

  @Test
  void theRepositorysOwnSettingsFileHoldsOnlyKnownKeys() {
    Path config = Path.of("../../config").toAbsolutePath().normalize();
    assertThat(Settings.load(config, Map.of()).get("enricher.application.id", null)).isEqualTo("watchfloor-enricher");
  }

  @Test
  void aMistypedRecordKeyNamesTheNearestValidKeyWithoutJavaText() throws IOException {
    Path f = dir.resolve("x.yaml");
    Files.writeString(f, "name: a\nprot: 1\n");
    assertThatThrownBy(() -> YamlFiles.read(f, Sample.class))
        .hasMessage(f + ": prot: unknown key (did you mean 'port'?)");
  }

  @Test
  void nearestKeyIsTheSmallestEditDistance() {
    assertThat(NearestKey.of("treads", java.util.List.of("threads", "tick", "instance"))).isEqualTo("threads");
    assertThat(NearestKey.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestKey.of("x", java.util.List.of())).isNull();
  }
}
