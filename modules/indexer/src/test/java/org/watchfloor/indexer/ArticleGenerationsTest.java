package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleGenerationsTest {
  private static final Instant DEC = Instant.parse("2026-12-07T05:00:00Z");

  @Test
  void theFirstGenerationKeepsTheOldNamesAndLaterOnesCarryTheirNumber() {
    assertThat(ArticleGenerations.index(1, DEC)).isEqualTo("watchfloor-articles-2026.12")
        .isEqualTo(IndexNames.articlesIndex(DEC));
    assertThat(ArticleGenerations.index(2, DEC)).isEqualTo("watchfloor-articles-g2-2026.12");
    assertThat(ArticleGenerations.pattern(1)).isEqualTo("watchfloor-articles-*");
    assertThat(ArticleGenerations.pattern(12)).isEqualTo("watchfloor-articles-g12-*");
  }

  @Test
  void readsTheGenerationBackFromAnIndexName() {
    assertThat(ArticleGenerations.generationOf("watchfloor-articles-2026.12")).isEqualTo(1);
    assertThat(ArticleGenerations.generationOf("watchfloor-articles-g2-2026.12")).isEqualTo(2);
    assertThat(ArticleGenerations.generationOf("watchfloor-articles-g31-2025.01")).isEqualTo(31);
    assertThat(ArticleGenerations.generationOf("watchfloor-alerts-v1")).isEqualTo(1);
  }

  @Test
  void aGenerationsTemplateBeatsTheBaseOneAndTakesTheReadAliasOnlyOnceActive() throws Exception {
    JsonNode hidden = ArticleGenerations.parse(ArticleGenerations.templateBody(3, false, 0));
    assertThat(hidden.path("index_patterns").get(0).asText()).isEqualTo("watchfloor-articles-g3-*");
    assertThat(hidden.path("priority").asInt()).isGreaterThan(200);
    assertThat(hidden.path("template").path("aliases").fieldNames()).toIterable()
        .containsExactly("watchfloor-articles-g3");
    assertThat(hidden.path("template").path("mappings").path("properties").has("classifier_version")).isTrue();

    JsonNode live = ArticleGenerations.parse(ArticleGenerations.templateBody(3, true, 1));
    assertThat(live.path("template").path("aliases").fieldNames()).toIterable()
        .containsExactly(IndexNames.ARTICLES);
    assertThat(live.path("template").path("settings").path("number_of_replicas").asInt()).isEqualTo(1);
  }
}
