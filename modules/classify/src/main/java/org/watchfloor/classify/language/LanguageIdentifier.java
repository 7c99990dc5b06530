package org.watchfloor.classify.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Identifies the language of a text with Lingua in low-accuracy mode over a fixed set of news languages. Plainly
 * English text is recognised first by its function words ({@link EnglishMarkers}), which costs a few microseconds
 * instead of Lingua's few hundred; everything else goes to Lingua. The detector and its models are built once, on
 * first use, and shared: Lingua's detector is thread-safe.
 */
public final class LanguageIdentifier {
  /** The code reported when the language cannot be told. */
  public static final String UNDETERMINED = "und";

  /**
   * Enough text to tell the news languages apart: on the dev set's bodies, 128 characters identify 96 of 96 as English,
   * 100 characters 95 and 64 characters 91 (headlines alone: 85 of 96). Lingua's cost grows with the input, so longer
   * samples only cost time.
   */
  static final int SAMPLE_CHARS = 128;

  private static final Language[] NEWS_LANGUAGES = {
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN,
    Language.DUTCH, Language.SWEDISH, Language.POLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.TURKISH,
    Language.ARABIC, Language.PERSIAN, Language.HEBREW, Language.URDU, Language.HINDI, Language.CHINESE,
    Language.JAPANESE, Language.KOREAN, Language.VIETNAMESE, Language.INDONESIAN,
  };

  private LanguageIdentifier() {}

  private static final class Holder {
    static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(NEWS_LANGUAGES)
        .withLowAccuracyMode()
        .build();
  }

  /**
   * The ISO 639-1 code of the text's language; a non-blank {@code hint} (such as a feed's declared language) wins.
   */
  public static String identify(String text, String hint) {
    if (hint != null && !hint.isBlank()) {
      String h = hint.strip().toLowerCase(Locale.ROOT);
      int dash = h.indexOf('-');
      if (dash < 0) {
        dash = h.indexOf('_');
      }
      return dash > 0 ? h.substring(0, dash) : h;
    }
    return identify(text);
  }

  /** The ISO 639-1 code of the text's language, or {@link #UNDETERMINED}. */
  public static String identify(String text) {
    if (text == null || text.isBlank()) {
      return UNDETERMINED;
    }
    if (EnglishMarkers.isEnglish(text)) {
      return "en";
    }
    return detect(text);
  }

  /** Lingua alone, on the text's first {@link #SAMPLE_CHARS} characters. */
  static String detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, cut(text, SAMPLE_CHARS)) : text;
    Language language = Holder.DETECTOR.detectLanguageOf(sample);
    if (language == Language.UNKNOWN) {
      return UNDETERMINED;
    }
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /** Cuts at a space near {@code max} so the sample does not end in half a word. */
  private static int cut(String text, int max) {
    for (int i = max; i > max - 24 && i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return max;
  }

  /** Loads the models now, so that the first article does not pay for it. */
  public static void warmUp() {
    identify("Warm-up text for the language detector.");
  }
}
