package org.watchfloor.indexer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.indexer.Articles;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;

class ArticleDocumentsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  @SuppressWarnings("unchecked")
  void mapsArticleToEcsFieldsAndFlatKeywordArrays() {
    EnrichedArticle a = Articles.article("a1", Instant.parse("2026-11-20T09:00:00Z"), "North Korea fires missile",
        72.5, List.of("PRK", "JPN"), List.of("missile", "nuclear"));

    Map<String, Object> doc = ArticleDocuments.toDocument(a, NOW);

    assertThat(doc.get("@timestamp")).isEqualTo("2026-11-20T09:00:00Z");
    assertThat((Map<String, Object>) doc.get("url"))
        .containsEntry("full", "https://www.example.org/news/a1")
        .containsEntry("domain", "example.org");
    assertThat((Map<String, Object>) doc.get("event")).containsEntry("ingested", NOW.toString());
    assertThat(doc.get("actor_ids")).isEqualTo(List.of("PRK", "JPN"));
    assertThat(doc.get("topics")).isEqualTo(List.of("missile", "nuclear"));
    assertThat((Map<String, Object>) doc.get("tension")).containsEntry("score", 72.5).containsEntry("level", "HIGH");
    assertThat(doc.get("dyad_keys")).isEqualTo(List.of("PRK>JPN"));
    List<Map<String, Object>> dyads = (List<Map<String, Object>>) doc.get("dyads");
    assertThat(dyads).singleElement().satisfies(d -> assertThat(d)
        .containsEntry("source", "PRK").containsEntry("target", "JPN").containsEntry("event_class", "THREATEN")
        .containsEntry("goldstein", -7.0));
    assertThat(doc).containsEntry("story_id", "a1").containsEntry("is_duplicate", false)
        .containsEntry("source", "example-wire").containsEntry("language", "en").containsEntry("region", "east-asia")
        .doesNotContainKey("duplicate_of");
    assertThat(doc.get("fingerprint")).isEqualTo("8000000000000001");
  }

  @Test
  void timestampFallsBackToFetchTimeWhenUnpublished() {
    EnrichedArticle a = Articles.article("a2", null, "Undated", 10, List.of("KOR"), List.of());

    assertThat(ArticleDocuments.timestamp(a)).isEqualTo(a.article().fetchedAt());
    assertThat(ArticleDocuments.index(a)).isEqualTo("watchfloor-articles-undated");
  }

  @Test
  void anUndatedArticleFetchedInAnotherMonthGoesToTheSameIndex() {
    EnrichedArticle november = Articles.article("a4", null, "Undated", 10, List.of("KOR"), List.of());
    RawArticle r = november.article();
    RawArticle refetched = new RawArticle(r.schemaVersion(), r.id(), r.url(), r.canonicalUrl(), r.source(), r.region(),
        r.tags(), r.title(), r.text(), r.authors(), null, null, Instant.parse("2026-12-02T08:00:00Z"),
        r.languageHint(), r.leadImage(), r.siteName(), r.contentSource());
    EnrichedArticle december = new EnrichedArticle(november.schemaVersion(), refetched, november.language(),
        november.actors(), november.topics(), november.tension(), november.dyads(), november.fingerprint(),
        november.storyId(), november.duplicateOf(), Instant.parse("2026-12-02T08:01:00Z"));
    assertThat(ArticleDocuments.index(december)).isEqualTo(ArticleDocuments.index(november));
    assertThat(ArticleDocuments.timestamp(december)).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
  }

  @Test
  void duplicateIsFlaggedAndPointsAtTheFirstCopy() {
    EnrichedArticle a = Articles.article("a3", NOW, "Copy", 10, List.of("KOR"), List.of());
    EnrichedArticle dup = new EnrichedArticle(a.schemaVersion(), a.article(), a.language(), a.actors(), a.topics(),
        a.tension(), a.dyads(), a.fingerprint(), "a0", "a0", a.enrichedAt());

    Map<String, Object> doc = ArticleDocuments.toDocument(dup, NOW);

    assertThat(doc).containsEntry("duplicate_of", "a0").containsEntry("story_id", "a0").containsEntry("is_duplicate", true);
  }

  @Test
  void canonicalUrlWinsOverFetchedUrl() {
    EnrichedArticle a = Articles.article("a4", NOW, "T", 10, List.of(), List.of());
    RawArticle r = a.article();
    RawArticle canonical = new RawArticle(r.schemaVersion(), r.id(), "https://m.news.example.com/x?utm=1",
        "https://news.example.com/x", r.source(), r.region(), r.tags(), r.title(), r.text(), r.authors(),
        r.published(), r.modified(), r.fetchedAt(), r.languageHint(), r.leadImage(), r.siteName(), r.contentSource());
    EnrichedArticle withCanonical = new EnrichedArticle(a.schemaVersion(), canonical, a.language(), a.actors(),
        a.topics(), a.tension(), a.dyads(), a.fingerprint(), a.storyId(), a.duplicateOf(), a.enrichedAt());

    @SuppressWarnings("unchecked")
    Map<String, Object> url = (Map<String, Object>) ArticleDocuments.toDocument(withCanonical, NOW).get("url");

    assertThat(url).containsEntry("full", "https://news.example.com/x")
        .containsEntry("original", "https://m.news.example.com/x?utm=1")
        .containsEntry("domain", "news.example.com");
  }

  @Test
  void readsBackWhatItWrote() {
    EnrichedArticle a = Articles.article("a5", Instant.parse("2026-11-20T09:00:00Z"), "North Korea fires missile",
        72.5, List.of("PRK", "JPN"), List.of("missile", "nuclear"));

    // through JSON, as Elasticsearch keeps the document and hands it back in _source
    JsonNode source = Json.MAPPER.valueToTree(ArticleDocuments.toDocument(a, NOW));
    EnrichedArticle back = ArticleDocuments.fromDocument(source);

    // the document keeps no lead image, and its url.full and language stand in for the canonical URL and the hint
    assertThat(back.article()).usingRecursiveComparison().ignoringFields("canonicalUrl", "languageHint", "leadImage")
        .isEqualTo(a.article());
    assertThat(back.article().canonicalUrl()).isEqualTo(a.article().url());
    // nor the actors' surface forms and the topics' evidence
    assertThat(back.actors()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("surfaceForms")
        .isEqualTo(a.actors());
    assertThat(back.topics()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("evidence")
        .isEqualTo(a.topics());
    assertThat(back.tension()).isEqualTo(a.tension());
    assertThat(back.dyads()).isEqualTo(a.dyads());
    assertThat(back.fingerprint()).isEqualTo(a.fingerprint());
    assertThat(back.language()).isEqualTo(a.language());
    assertThat(back.storyId()).isEqualTo(a.storyId());
    assertThat(back.duplicateOf()).isNull();
    // rules run on the fetch time, which the document keeps as event.created
    assertThat(back.enrichedAt()).isEqualTo(a.article().fetchedAt());
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsTheReadersEvidenceBothWays() {
    EnrichedArticle plain = Articles.article("a7", NOW, "Strikes kill dozens", 85, List.of("UKR"), List.of());
    Tension read = new Tension(85, TensionLevel.SEVERE, -9.0, List.of("Strikes killed 40 people."),
        List.of(new Tension.EvidenceSentence("Strikes killed 40 people.", "mcf", 0.97, 3.8, List.of()),
            new Tension.EvidenceSentence("Officials denied an attack.", "vcf", 0.6, 1.1, List.of("negated", "rhetoric"))));
    EnrichedArticle a = new EnrichedArticle(plain.schemaVersion(), plain.article(), plain.language(), plain.actors(),
        plain.topics(), read, plain.dyads(), plain.fingerprint(), plain.storyId(), plain.duplicateOf(),
        plain.enrichedAt());

    Map<String, Object> doc = ArticleDocuments.toDocument(a, NOW);
    List<Map<String, Object>> reading = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("tension")).get("reading");
    assertThat(reading).hasSize(2);
    assertThat(reading.get(1)).containsEntry("event_class", "vcf").containsEntry("context", List.of("negated", "rhetoric"));
    assertThat(ArticleDocuments.fromDocument(Json.MAPPER.valueToTree(doc)).tension()).isEqualTo(read);
    // and the enriched record's JSON, as the topic carries it
    assertThat(ArticleDocuments.fromDocument(Json.MAPPER.valueToTree(a)).tension()).isEqualTo(read);
    assertThat(Json.MAPPER.valueToTree(plain).path("tension").has("reading")).isFalse();
  }

  @Test
  void carriesTheClassifiersVersionBothWays() {
    EnrichedArticle plain = Articles.article("a8", NOW, "T", 10, List.of("KOR"), List.of());
    EnrichedArticle a = new EnrichedArticle(plain.schemaVersion(), plain.article(), plain.language(), plain.actors(),
        plain.topics(), plain.tension(), plain.dyads(), plain.fingerprint(), plain.storyId(), plain.duplicateOf(),
        plain.enrichedAt(), "learned-0123456789ab");

    Map<String, Object> doc = ArticleDocuments.toDocument(a, NOW);
    assertThat(doc).containsEntry("classifier_version", "learned-0123456789ab");
    assertThat(ArticleDocuments.fromDocument(Json.MAPPER.valueToTree(doc)).classifierVersion())
        .isEqualTo("learned-0123456789ab");
    // a record from before the version was carried has none, and its document leaves the field out
    assertThat(ArticleDocuments.toDocument(plain, NOW)).doesNotContainKey("classifier_version");
  }

  @Test
  void readsAnEnrichedArticlesJsonAsSuch() {
    EnrichedArticle a = Articles.article("a6", NOW, "T", 10, List.of("KOR"), List.of());

    assertThat(ArticleDocuments.fromDocument(Json.MAPPER.valueToTree(a))).isEqualTo(a);
  }

  @Test
  void aDocumentWithoutArticleIdCannotBeRead() {
    assertThatThrownBy(() -> ArticleDocuments.fromDocument(Json.MAPPER.createObjectNode().put("title", "T")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("article_id");
  }

  @ParameterizedTest
  @CsvSource({
    "https://www.yna.co.kr/view/AKR1, yna.co.kr",
    "http://KCNA.kp/en/article/1, kcna.kp",
    "https://news.example.com:8443/a, news.example.com"
  })
  void domainIsLowerCaseWithoutWww(String url, String domain) {
    assertThat(ArticleDocuments.domain(url)).isEqualTo(domain);
  }

  @Test
  void domainOfGarbageIsNull() {
    assertThat(ArticleDocuments.domain("not a url")).isNull();
  }
}
