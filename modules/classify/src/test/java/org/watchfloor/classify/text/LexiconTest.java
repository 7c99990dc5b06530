package org.watchfloor.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;

class LexiconTest {
  private static final List<String> ODD_TEXTS = List.of(
      "", "THE The the tHe", "U.S. and U.N. officials didn't DON'T can't", "Sa'ar Sa\u2019ar KCNA's B-52 F35A",
      "T\u00fcrkiye \u0130stanbul Erdo\u011fan \u00c9TATS-UNIS", "Missiles MISSILES missiles' tests testing tested");

  @Test
  void tokensAreTheSameWithOrWithoutTheLexicon() {
    List<String> texts = new ArrayList<>(ODD_TEXTS);
    List<String> vocabulary = new ArrayList<>();
    for (DevArticle a : DevSet.load(DevSet.defaultDir())) {
      texts.add(a.title() + "\n\n" + a.text());
      vocabulary.add(a.title());
    }
    vocabulary.addAll(ODD_TEXTS);
    Lexicon lexicon = Lexicon.of(vocabulary);
    int shared = 0;
    int total = 0;
    for (String text : texts) {
      Tokens plain = Tokens.of(text);
      Tokens known = Tokens.of(text, lexicon);
      assertThat(known.size()).isEqualTo(plain.size());
      assertThat(known.sentenceCount()).isEqualTo(plain.sentenceCount());
      for (int i = 0; i < plain.size(); i++) {
        assertThat(known.norm(i)).as(text).isEqualTo(plain.norm(i));
        assertThat(known.stem(i)).as(plain.norm(i)).isEqualTo(plain.stem(i));
        assertThat(known.flags(i)).isEqualTo(plain.flags(i));
        assertThat(known.start(i)).isEqualTo(plain.start(i));
        assertThat(known.end(i)).isEqualTo(plain.end(i));
        assertThat(known.sentence(i)).isEqualTo(plain.sentence(i));
        total++;
        if (known.norm(i) != plain.norm(i)) {
          shared++;
        }
      }
    }
    // the lexicon must actually be used, or this test proves nothing
    assertThat(shared).isGreaterThan(total / 2);
  }

  @Test
  void knownWordsAreOneSharedStringWhateverTheirCase() {
    Lexicon lexicon = Lexicon.of(List.of("missiles"));
    Tokens t = Tokens.of("The the THE missiles", lexicon);
    assertThat(t.norm(0)).isEqualTo("the").isSameAs(t.norm(1)).isSameAs(t.norm(2));
    assertThat(Tokens.of("MISSILES", lexicon).norm(0)).isEqualTo("missiles").isSameAs(t.norm(3));
    assertThat(t.stem(3)).isSameAs(Tokens.of("Missiles", lexicon).stem(0)).isEqualTo(Stemmer.stem("missiles"));
  }

  @Test
  void phrasesAreStoredAsTheirNormalisedWords() {
    Lexicon lexicon = Lexicon.of(List.of("T\u00fcrkiye", "North Korea"));
    Tokens t = Tokens.of("TURKIYE north KOREA", lexicon);
    assertThat(t.norm(0)).isEqualTo("turkiye").isSameAs(Tokens.of("Turkiye", lexicon).norm(0));
    assertThat(t.norm(2)).isEqualTo("korea").isSameAs(Tokens.of("Korea", lexicon).norm(0));
    assertThat(Lexicon.EMPTY.size()).isZero();
    assertThat(Tokens.of("korea fired", Lexicon.EMPTY).norm(0)).isNotSameAs(Tokens.of("korea fired", Lexicon.EMPTY).norm(0));
  }
}
