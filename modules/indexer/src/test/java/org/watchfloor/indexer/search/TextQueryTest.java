package org.watchfloor.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextQueryTest {
  private static final String PARADE = "Nuclear missile parade in the capital";
  private static final String TEST = "Missile test condemned at the UN";
  private static final String TALKS = "Talks resume in Geneva";

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', value = {
      "missile                     ; true  ; true  ; false",
      "MISSILE                     ; true  ; true  ; false",
      "missile nuclear             ; true  ; false ; false",
      "missile AND nuclear         ; true  ; false ; false",
      "missile OR geneva           ; true  ; true  ; true",
      "missile | geneva            ; true  ; true  ; true",
      "nuclear OR talks            ; true  ; false ; true",
      "missile -nuclear            ; false ; true  ; false",
      "missile NOT nuclear         ; false ; true  ; false",
      "-missile                    ; false ; false ; true",
      "'\"missile parade\"'        ; true  ; false ; false",
      "'\"parade missile\"'        ; false ; false ; false",
      "'\"test condemned\" OR talks' ; false ; true  ; true",
      "(nuclear OR condemned) missile ; true ; true ; false",
      "the                         ; false ; false ; false",
      "-the                        ; true  ; true  ; true",
      "''                          ; true  ; true  ; true",
      "'\"unclosed phrase'         ; false ; false ; false",
      "missile OR                  ; true  ; true  ; false",
      "OR AND -                    ; true  ; true  ; true",
      "re-sume                     ; false ; false ; false",
  })
  void matchesTextAsSearchBoxUsersExpect(String typed, boolean parade, boolean test, boolean talks) {
    TextQuery q = TextQuery.parse(typed);

    assertThat(q.matches(PARADE)).as("%s on parade", typed).isEqualTo(parade);
    assertThat(q.matches(TEST)).as("%s on test", typed).isEqualTo(test);
    assertThat(q.matches(TALKS)).as("%s on talks", typed).isEqualTo(talks);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', value = {
      "missile OR nuclear ; Or",
      "missile nuclear    ; And",
      "-missile           ; Not",
      "'\"a phrase here\"' ; Phrase",
      "missile            ; Term",
      "''                 ; All",
  })
  void parsesIntoTheExpectedShape(String typed, String shape) {
    assertThat(TextQuery.parse(typed).getClass().getSimpleName()).isEqualTo(shape);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', value = {
      "missile OR nuclear ; should",
      "missile -nuclear   ; must_not",
      "'\"missile parade\"' ; phrase",
      "''                 ; match_all",
  })
  void becomesTheElasticsearchQueryOfTheSameMeaning(String typed, String expected) {
    Query q = TextQueries.toQuery(TextQuery.parse(typed), TextQueries.ARTICLE_FIELDS);

    assertThat(q.toString()).contains(expected);
  }

  @org.junit.jupiter.api.Test
  void tokensFollowTheStandardAnalyzer() {
    assertThat(TextQuery.tokens("The U.S. Navy's <b>ships</b>, don't!")).isEqualTo(
        List.of("u", "s", "navy's", "b", "ships", "b", "don't"));
  }
}
