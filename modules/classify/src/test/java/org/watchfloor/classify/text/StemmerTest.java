package org.watchfloor.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemmerTest {
  @Test
  void inflectionsShareAStem() {
    assertThat(Stemmer.stem("tests")).isEqualTo(Stemmer.stem("tested")).isEqualTo(Stemmer.stem("testing"))
        .isEqualTo(Stemmer.stem("test"));
    assertThat(Stemmer.stem("countries")).isEqualTo(Stemmer.stem("country"));
    assertThat(Stemmer.stem("attacks")).isEqualTo(Stemmer.stem("attacked")).isEqualTo(Stemmer.stem("attack"));
  }

  @Test
  void planesAndNotesAreNotPlansOrNegations() {
    assertThat(Stemmer.stem("plane")).isNotEqualTo(Stemmer.stem("plan")).isNotEqualTo(Stemmer.stem("planning"));
    assertThat(Stemmer.stem("planes")).isEqualTo(Stemmer.stem("plane"));
    assertThat(Stemmer.stem("note")).isNotEqualTo("not");
    assertThat(Stemmer.stem("noted")).isNotEqualTo("not").isEqualTo(Stemmer.stem("notes"));
    assertThat(Stemmer.stem("not")).isEqualTo("not");
  }

  @Test
  void aStemIsAPrefixOfItsWord() {
    for (String w : new String[] {"planes", "noted", "countries", "denied", "raised", "shelling", "missiles", "sky"}) {
      assertThat(w).startsWith(Stemmer.stem(w));
      assertThat(Stemmer.stemLength(w)).isEqualTo(Stemmer.stem(w).length());
    }
  }
}
