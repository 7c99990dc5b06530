package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.model.Json;

class IndexSetupTest {
  @ParameterizedTest
  @CsvSource({
    "templates/articles.json, watchfloor-articles-*, watchfloor-articles, 0",
    "templates/alerts.json, watchfloor-alerts-*, watchfloor-alerts, 1",
    "templates/aggregates.json, watchfloor-aggregates-*, watchfloor-aggregates, 2"
  })
  void templateCarriesItsAliasAndReplicaCount(String resource, String pattern, String alias, int replicas)
      throws Exception {
    JsonNode body = Json.MAPPER.readTree(IndexSetup.templateBody(resource, replicas));

    assertThat(body.path("index_patterns").get(0).asText()).isEqualTo(pattern);
    assertThat(body.path("template").path("aliases").has(alias)).isTrue();
    assertThat(body.path("template").path("settings").path("number_of_replicas").asInt()).isEqualTo(replicas);
    assertThat(body.path("template").path("mappings").path("properties").path("@timestamp").path("type").asText())
        .isEqualTo("date");
  }

  @ParameterizedTest
  @CsvSource({"templates/articles.json", "templates/alerts.json"})
  void textAnalyzerIsCoreStandardWithEnglishStopWords(String resource) throws Exception {
    JsonNode body = Json.MAPPER.readTree(IndexSetup.templateBody(resource, 0));
    JsonNode analyzer = body.path("template").path("settings").path("analysis").path("analyzer").path("watchfloor_text");

    assertThat(analyzer.path("type").asText()).isEqualTo("standard");
    assertThat(analyzer.path("stopwords").asText()).isEqualTo("_english_");
    assertThat(body.path("template").path("mappings").path("properties").path("title").path("analyzer").asText())
        .isEqualTo("watchfloor_text");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-30T23:59:59Z, watchfloor-articles-2026.11",
    "2026-12-01T00:00:00Z, watchfloor-articles-2026.12",
    "2027-01-15T12:00:00Z, watchfloor-articles-2027.01"
  })
  void articlesGoToMonthlyIndicesInUtc(String timestamp, String index) {
    assertThat(IndexNames.articlesIndex(Instant.parse(timestamp))).isEqualTo(index);
  }
}
