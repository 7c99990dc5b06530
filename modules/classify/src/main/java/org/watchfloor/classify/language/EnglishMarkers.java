package org.watchfloor.classify.language;

/**
 * A cheap, conservative pre-check that recognises plainly English text by its function words, so that the common case
 * skips the statistical detector. It answers "English" only when the sample's letters are almost all ASCII and a
 * large share of its words are English function words that are not words of any other language the detector is
 * configured for; anything else (short, mixed or foreign text) goes to Lingua as before.
 */
final class EnglishMarkers {
  /** How much of the text is read: enough words for a stable ratio, little enough to stay cheap. */
  static final int SAMPLE_CHARS = 400;
  /** Fewer words than this is too little evidence: Lingua decides. */
  static final int MIN_WORDS = 20;
  /** Share of marker words needed. */
  static final double MIN_MARKER_SHARE = 0.10;
  /** Distinct marker words needed, so that one repeated word ("the" in a quoted title) cannot decide. */
  static final int MIN_DISTINCT_MARKERS = 3;
  /** Largest share of non-ASCII letters: French, Spanish, Polish, Turkish, Swedish, Vietnamese text all exceed it. */
  static final double MAX_NON_ASCII_LETTERS = 0.01;

  /**
   * English function words that are not common words in French, German, Spanish, Portuguese, Italian, Dutch,
   * Swedish, Polish, Turkish, Vietnamese or Indonesian, nor in Danish or Norwegian. Deliberately left out, because
   * they are words there too: a, an, in, on, is, of, to, at, by, as, or, so, was, will, also, over, her, men, die, do,
   * no, man, am, hat, den, for, we, all, under, been (Dutch "leg"), more (Italian, Portuguese).
   */
  private static final String[] MARKERS = {
    "the", "and", "that", "with", "which", "from", "have", "has", "had", "were", "would", "their", "they", "them",
    "said", "says", "told", "this", "these", "after", "about", "could", "there", "who", "not", "but", "its", "are",
    "his", "he", "she", "it", "you", "our", "than", "into", "should", "what", "when", "while", "where", "other",
    "because", "being", "since", "during", "before", "against", "between", "including", "new", "two", "three", "out",
    "up",
  };

  private static final int TABLE_BITS = 7;
  private static final String[] TABLE = new String[1 << TABLE_BITS];

  static {
    for (String m : MARKERS) {
      int slot = slot(m.hashCode());
      while (TABLE[slot] != null && !TABLE[slot].equals(m)) {
        slot = (slot + 1) & (TABLE.length - 1);
      }
      TABLE[slot] = m;
    }
  }

  private EnglishMarkers() {}

  /** The evidence gathered from a text's first {@link #SAMPLE_CHARS} characters. */
  record Evidence(int words, int markers, int distinctMarkers, int letters, int nonAsciiLetters) {
    boolean english() {
      return words >= MIN_WORDS
          && markers >= MIN_MARKER_SHARE * words
          && distinctMarkers >= MIN_DISTINCT_MARKERS
          && nonAsciiLetters <= MAX_NON_ASCII_LETTERS * letters;
    }
  }

  /** True when the text is English beyond reasonable doubt; false means "ask Lingua", not "not English". */
  static boolean isEnglish(String text) {
    return evidence(text).english();
  }

  /** Reads the sample without allocating per word: words are hashed in place and compared with the marker table. */
  static Evidence evidence(String text) {
    int n = Math.min(text.length(), SAMPLE_CHARS);
    int words = 0;
    int markers = 0;
    long seenLow = 0; // one bit per marker slot of the 128-slot table
    long seenHigh = 0;
    int letters = 0;
    int nonAscii = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        i++;
        continue;
      }
      int start = i;
      int hash = 0;
      boolean ascii = true;
      while (i < n) {
        c = text.charAt(i);
        if (c < 0x80) {
          if (c >= 'A' && c <= 'Z') {
            c = (char) (c + ('a' - 'A'));
          } else if (c < 'a' || c > 'z') {
            break;
          }
        } else if (Character.isLetter(c)) {
          ascii = false;
          nonAscii++;
        } else {
          break;
        }
        hash = 31 * hash + c;
        letters++;
        i++;
      }
      if (i == n && n < text.length() && Character.isLetter(text.charAt(n))) {
        break; // a word cut by the sample boundary is not counted
      }
      int len = i - start;
      if (len == 1) {
        continue; // "a", "I", and the "s" of possessives; single letters are words in most of the other languages
      }
      words++;
      if (ascii && len <= 9) {
        int slot = slot(hash);
        String m;
        while ((m = TABLE[slot]) != null) {
          if (m.length() == len && text.regionMatches(true, start, m, 0, len)) {
            markers++;
            if (slot < 64) {
              seenLow |= 1L << slot;
            } else {
              seenHigh |= 1L << (slot - 64);
            }
            break;
          }
          slot = (slot + 1) & (TABLE.length - 1);
        }
      }
    }
    return new Evidence(words, markers, Long.bitCount(seenLow) + Long.bitCount(seenHigh), letters, nonAscii);
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> TABLE_BITS) ^ (hash >>> 17)) & (TABLE.length - 1);
  }
}
