package org.watchfloor.enricher.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;

class ClassifiedTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void addingTheStoryToTheWrittenJsonEqualsWritingItWithTheStory() {
    EnrichedArticle without = article(null, null);
    Classified c = new Classified("a\"1", 42L, T.toEpochMilli(), 55.5, List.of("actor|PRK"), Json.write(without),
        T.toEpochMilli(), T.toEpochMilli(), T.toEpochMilli());

    EnrichedArticle copy = Json.read(c.withStory("story \"é\" \\ 1", "a\"0").enrichedJson(), EnrichedArticle.class);
    EnrichedArticle first = Json.read(c.withStory("a\"1", null).enrichedJson(), EnrichedArticle.class);

    assertThat(copy).isEqualTo(article("story \"é\" \\ 1", "a\"0"));
    assertThat(first).isEqualTo(article("a\"1", null));
    assertThat(new String(c.withStory("a\"1", null).enrichedJson())).doesNotContain("duplicate_of");
  }

  @Test
  void namesWhatStoryGroupingNeeds() {
    Classified c = new Classified("a", 42L, 123L, 12.25, List.of("actor|PRK"), "{}".getBytes(), 100L,
        StoryCandidate.NONE, 300L);

    assertThat(c.candidate()).isEqualTo(new StoryCandidate("a", 42L, 123L, 100L, StoryCandidate.NONE, 300L));
  }

  private static EnrichedArticle article(String storyId, String duplicateOf) {
    RawArticle raw = new RawArticle(RawArticle.VERSION, "a\"1", "https://news.example/1", null, "src", "asia",
        List.of(), "Title", "Text", List.of(), T, null, T, "en", null, "News", RawArticle.FROM_PAGE);
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, "en", List.of(), List.of(), null, List.of(), 42L,
        storyId, duplicateOf, T);
  }
}
