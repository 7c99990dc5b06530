package org.watchfloor.feeds.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.YamlFiles;

class SourcesConfigTest {
  static SourcesConfig read(String yaml) {
    return YamlFiles.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "sources.yaml",
        SourcesConfig.class).validated("sources.yaml");
  }

  @Test
  void bindsSourcesAndFillsDefaults() {
    SourcesConfig c = read("""
        defaults: {min_interval: 10m, max_interval: 3h}
        sources:
          - name: yonhap
            url: https://en.yna.co.kr/RSS/news.xml
            language: en
            region: korea
            tags: [wire]
          - name: ministry
            url: https://ministry.example.org/press
            type: listing
            selector: ul.releases a
            min_interval: 30m
        """);
    assertThat(c.sources()).hasSize(2);
    Source y = c.sources().get(0);
    assertThat(y.type()).isEqualTo(SourceType.FEED);
    assertThat(y.minPoll()).isEqualTo(Duration.ofMinutes(10));
    assertThat(y.maxPoll()).isEqualTo(Duration.ofHours(3));
    assertThat(y.allowPrivate()).isFalse();
    assertThat(c.sources().get(1).type()).isEqualTo(SourceType.LISTING);
    assertThat(c.sources().get(1).minPoll()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void sourceSurvivesTheJsonRoundTripThroughKafka() throws Exception {
    Source s = read("sources: [{name: a, url: 'https://a.example/', type: listing, selector: a, tags: [x]}]")
        .sources().get(0);
    byte[] json = Json.write(s);
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"type\":\"listing\"", "\"min_interval\":\"5m\"")
        .doesNotContain("min_poll");
    assertThat(Json.MAPPER.readValue(json, Source.class)).isEqualTo(s);
  }

  @Test
  void failsWithKeyOnBadUrl() {
    assertThatThrownBy(() -> read("sources: [{name: a, url: 'ftp://x/'}]"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sources[0].url"));
  }

  @Test
  void failsOnDuplicateNames() {
    assertThatThrownBy(() -> read("sources: [{name: a, url: 'https://x/'}, {name: a, url: 'https://y/'}]"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sources[1].name"));
  }

  @Test
  void failsOnListingWithoutSelector() {
    assertThatThrownBy(() -> read("sources: [{name: a, url: 'https://x/', type: listing}]"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sources[0].selector"));
  }

  @Test
  void failsOnInvertedBounds() {
    assertThatThrownBy(() -> read("sources: [{name: a, url: 'https://x/', min_interval: 2h, max_interval: 5m}]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("min_interval <= max_interval");
  }

  @Test
  void failsOnUnknownKey() {
    assertThatThrownBy(() -> read("sources: [{name: a, url: 'https://x/', colour: red}]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("colour");
  }

  @Test
  void shippedSourcesFileIsValid() {
    SourcesConfig c = SourcesConfig.load(Path.of("../../config"));
    assertThat(c.sources()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(c.sources()).allSatisfy(s -> assertThat(s.allowPrivate()).isFalse());
  }
}
