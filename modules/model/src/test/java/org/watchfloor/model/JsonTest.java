package org.watchfloor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static RawArticle article() {
    return new RawArticle(RawArticle.VERSION, "abc", "https://example.org/a", null, "example", "east-asia",
        List.of("korea"), "Title", "Body text.", List.of("A. Writer"), Instant.parse("2026-11-20T08:00:00Z"), null,
        Instant.parse("2026-11-20T08:05:00Z"), "en", null, "Example", RawArticle.FROM_PAGE);
  }

  @Test
  void roundTripsRecordsAsSnakeCaseJson() {
    byte[] bytes = Json.write(article());
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertThat(json).contains("\"schema_version\":1", "\"fetched_at\":\"2026-11-20T08:05:00Z\"")
        .doesNotContain("canonical_url");
    assertThat(Json.read(bytes, RawArticle.class)).isEqualTo(article());
  }

  @Test
  void rejectsAnUnknownSchemaVersionNamingIt() {
    String json = new String(Json.write(article()), StandardCharsets.UTF_8).replace("\"schema_version\":1",
        "\"schema_version\":7");
    assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), RawArticle.class))
        .isInstanceOf(SchemaException.class).hasMessageContaining("unknown schema_version 7");
  }

  @Test
  void rejectsInvalidJsonAndEmptyPayloads() {
    assertThatThrownBy(() -> Json.read("{not json".getBytes(StandardCharsets.UTF_8), RawArticle.class))
        .isInstanceOf(SchemaException.class).hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> Json.read(new byte[0], RawArticle.class))
        .isInstanceOf(SchemaException.class).hasMessageContaining("empty payload");
  }

  @Test
  void mapsScoresToTensionLevels() {
    assertThat(TensionLevel.of(0)).isEqualTo(TensionLevel.LOW);
    assertThat(TensionLevel.of(39.9)).isEqualTo(TensionLevel.GUARDED);
    assertThat(TensionLevel.of(40)).isEqualTo(TensionLevel.ELEVATED);
    assertThat(TensionLevel.of(79)).isEqualTo(TensionLevel.HIGH);
    assertThat(TensionLevel.of(100)).isEqualTo(TensionLevel.SEVERE);
    assertThat(TensionLevel.HIGH.atLeast(TensionLevel.ELEVATED)).isTrue();
  }
}
