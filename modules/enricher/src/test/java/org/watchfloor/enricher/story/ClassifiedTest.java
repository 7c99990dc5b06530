package org.watchfloor.enricher.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;

class ClassifiedTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void addingTheStoryToTheWrittenJsonEqualsWritingItWithTheStory() {
    EnrichedArticle without = article(null, null);
    Classified c = new Classified("a\"1", 42L, T.toEpochMilli(), 55.5, List.of("actor|PRK"), Json.write(without));

    EnrichedArticle copy = Json.read(c.withStory("story \"é\" \\ 1", "a\"0").enrichedJson(), EnrichedArticle.class);
    EnrichedArticle first = Json.read(c.withStory("a\"1", null).enrichedJson(), EnrichedArticle.class);

    assertThat(copy).isEqualTo(article("story \"é\" \\ 1", "a\"0"));
    assertThat(first).isEqualTo(article("a\"1", null));
    assertThat(new String(c.withStory("a\"1", null).enrichedJson())).doesNotContain("duplicate_of");
  }

  @Test
  void roundTripsThroughItsBinaryForm() {
    Classified c = new Classified("id-é", -7L, 123L, 12.25, List.of("actor|PRK", "dyad|PRK>KOR"),
        "{\"x\":1}".getBytes());

    Classified back = Classified.fromBytes(Classified.toBytes(c));

    assertThat(back.id()).isEqualTo("id-é");
    assertThat(back.fingerprint()).isEqualTo(-7L);
    assertThat(back.eventTime()).isEqualTo(123L);
    assertThat(back.tension()).isEqualTo(12.25);
    assertThat(back.trendKeys()).containsExactly("actor|PRK", "dyad|PRK>KOR");
    assertThat(back.json()).isEqualTo("{\"x\":1}".getBytes());
    assertThat(back.storyId()).isNull();
  }

  @Test
  void rejectsTruncatedOrPaddedBytes() {
    byte[] bytes = Classified.toBytes(new Classified("a", 1L, 2L, 3, List.of("k"), "{}".getBytes()));

    assertThatThrownBy(() -> Classified.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> Classified.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(SerializationException.class);
  }

  private static EnrichedArticle article(String storyId, String duplicateOf) {
    RawArticle raw = new RawArticle(RawArticle.VERSION, "a\"1", "https://news.example/1", null, "src", "asia",
        List.of(), "Title", "Text", List.of(), T, null, T, "en", null, "News", RawArticle.FROM_PAGE);
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, "en", List.of(), List.of(), null, List.of(), 42L,
        storyId, duplicateOf, T);
  }
}
