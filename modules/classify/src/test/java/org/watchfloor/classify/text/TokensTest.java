package org.watchfloor.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensTest {
  @Test
  void foldsDottedAbbreviationsAndPossessives() {
    Tokens t = Tokens.of("The U.S. and Japan's navy met.");
    assertThat(t.norm(1)).isEqualTo("us");
    assertThat(t.has(1, Tokens.DOTTED)).isTrue();
    assertThat(t.norm(3)).isEqualTo("japan");
    assertThat(t.has(3, Tokens.POSSESSIVE)).isTrue();
    assertThat(t.sentenceCount()).isEqualTo(1);
  }

  @Test
  void splitsSentencesButNotAtTitlesOrInitials() {
    Tokens t = Tokens.of("Gen. Smith spoke. Dr. J. Doe agreed! Did they? Yes.");
    assertThat(t.sentenceCount()).isEqualTo(4);
  }

  @Test
  void turnsContractedNegationIntoNot() {
    Tokens t = Tokens.of("They didn't fire.");
    assertThat(t.norm(1)).isEqualTo("did");
    assertThat(t.norm(2)).isEqualTo("not");
  }

  @Test
  void foldsAccents() {
    assertThat(Tokens.of("Türkiye").norm(0)).isEqualTo("turkiye");
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({"tests, tested", "testing, test", "fired, fire", "missiles, missile", "sanctions, sanctioned",
      "drills, drill", "countries, country", "denied, deny", "planned, plans"})
  void inflectionsShareAStem(String a, String b) {
    assertThat(Stemmer.stem(a)).isEqualTo(Stemmer.stem(b));
  }
}
