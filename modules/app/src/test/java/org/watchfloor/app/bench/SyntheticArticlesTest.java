package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;

class SyntheticArticlesTest {
  private final SyntheticArticles articles = new SyntheticArticles("t", 100, 42);

  @Test
  void textLengthsSpreadOverOneToEightKilobytes() {
    List<Long> lengths = LongStream.range(0, 500)
        .mapToObj(i -> (long) articles.article(i).text().getBytes(StandardCharsets.UTF_8).length).toList();
    assertThat(lengths).allSatisfy(n -> assertThat(n).isBetween(1024L, 8 * 1024L + 512));
    assertThat(Collections.min(lengths)).isLessThan(2048L);
    assertThat(Collections.max(lengths)).isGreaterThan(7 * 1024L);
  }

  @Test
  void sameNumberGivesTheSameArticleAndDifferentNumbersDifferentIds() {
    assertThat(articles.article(7).text()).isEqualTo(articles.article(7).text());
    assertThat(articles.article(7).id()).isNotEqualTo(articles.article(8).id());
  }

  @Test
  void everyHundredthArticleComesFromTheMarkerSource() {
    long markers = LongStream.range(0, 1000).filter(i ->
        SyntheticArticles.MARKER_SOURCE.equals(articles.article(i).source())).count();
    assertThat(markers).isEqualTo(10);
    assertThat(articles.isMarker(200)).isTrue();
    assertThat(articles.isMarker(201)).isFalse();
  }

  @Test
  void articlesNameActorsAndTensionWordsAndSurviveTheSchemaCheck() {
    RawArticle a = articles.article(3);
    RawArticle back = Json.read(Json.write(a), RawArticle.class);
    assertThat(back.id()).isEqualTo(a.id());
    String text = LongStream.range(0, 50).mapToObj(i -> articles.article(i).text()).reduce("", String::concat);
    assertThat(text).contains("North Korea").contains("missile").contains("sanctions");
  }
}
