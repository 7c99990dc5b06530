package org.watchfloor.desk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.desk.TestArticles.article;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleRowsTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', nullValues = "NULL", value = {
      "https://news.example.org/a?b=1; https://news.example.org/a?b=1",
      "http://news.example.org/;        http://news.example.org/",
      "javascript:alert(1);              NULL",
      " JavaScript:alert(1);             NULL",
      "data:text/html,<script>x</script>; NULL",
      "//news.example.org/a;             NULL",
      "/relative;                        NULL",
      "NULL;                             NULL",
  })
  void keepsOnlyAbsoluteHttpLinks(String url, String expected) {
    assertThat(ArticleRows.safeUrl(url)).isEqualTo(expected);
  }

  @Test
  void viewLinksWikidataOnlyForRealIdsAndMarksEvidence() {
    Map<String, Object> v = ArticleRows.view(article("a").actors("PRK", "KOR")
        .text("First sentence. North Korea fired a missile. Last one.")
        .evidence("North Korea fired a missile.").build(), 1);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> actors = (List<Map<String, Object>>) v.get("actors");
    assertThat(actors).extracting(a -> a.get("wikidata"))
        .containsExactly("https://www.wikidata.org/wiki/Q423", null);
    assertThat(v.get("segments")).isEqualTo(List.of(
        Map.of("text", "First sentence. ", "evidence", false),
        Map.of("text", "North Korea fired a missile.", "evidence", true),
        Map.of("text", " Last one.", "evidence", false)));
  }

  @Test
  void highlightsEvidenceAcrossDifferentWhiteSpaceAndIgnoresMissingEvidence() {
    List<Map<String, Object>> s = Highlights.segments("Troops  moved\nnorth today.", List.of("Troops moved north",
        "Not in the text."));

    assertThat(s).containsExactly(Map.of("text", "Troops  moved\nnorth", "evidence", true),
        Map.of("text", " today.", "evidence", false));
  }
}
