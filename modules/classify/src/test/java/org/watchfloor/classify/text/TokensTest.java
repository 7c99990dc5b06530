package org.watchfloor.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;

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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NATO", "McDonald", "Sa'ar", "Sa’ar", "DON'T", "Zelenskyy", "ÉTATS-UNIS", "İstanbul", "Erdoğan",
      "KCNA's", "B-52", "F35A", "x", "Hyun-MOO"})
  void normalisesEveryWordAsTheJdkLowerCasesAndFoldsIt(String word) {
    Tokens t = Tokens.of(word);
    for (int i = 0; i < t.size(); i++) {
      if (!t.has(i, Tokens.DOTTED) && !t.surface(i).equalsIgnoreCase("n't")) {
        assertThat(t.norm(i)).as(t.surface(i)).isEqualTo(reference(t.surface(i)));
      }
    }
  }

  @Test
  void everyDevSetTokenHasTheReferenceNormalForm() {
    int checked = 0;
    for (DevArticle a : DevSet.load(DevSet.defaultDir())) {
      Tokens t = Tokens.of(a.title() + "\n\n" + a.text());
      for (int i = 0; i < t.size(); i++) {
        if (t.has(i, Tokens.DOTTED) || (t.norm(i).equals("not") && !t.surface(i).equalsIgnoreCase("not"))) {
          continue;
        }
        assertThat(t.norm(i)).as(a.id() + ": " + t.surface(i)).isEqualTo(reference(t.surface(i)));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(5000);
  }

  /** The plain JDK way: lower case, typographic apostrophe to ASCII, accents stripped. */
  private static String reference(String surface) {
    String lower = surface.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder();
    for (char c : decomposed.toCharArray()) {
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c == '\u0131' ? 'i' : c);
      }
    }
    return sb.toString();
  }
}
