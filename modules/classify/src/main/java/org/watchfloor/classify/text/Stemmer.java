package org.watchfloor.classify.text;

/**
 * A deliberately crude suffix stripper: it need not produce real stems, only the same stem for the inflections of a
 * word ("tests", "tested", "testing" and "test"), because phrases and text are stemmed alike.
 */
public final class Stemmer {
  private Stemmer() {}

  public static String stem(String w) {
    int end = stemLength(w);
    return end == w.length() ? w : w.substring(0, end);
  }

  /** The length of {@link #stem(String) w's stem}, which is always a prefix of {@code w}. */
  static int stemLength(String w) {
    int n = w.length();
    if (n <= 3) {
      return n;
    }
    int kept = keptStem(w);
    if (kept > 0) {
      return kept;
    }
    int end = n;
    if (w.endsWith("ies") || w.endsWith("ied")) {
      end = n - 3; // "countries", "denied" -> "countr", "den", as "country", "deny" below
    } else if (w.endsWith("ing") && n > 5) {
      end = n - 3;
    } else if (w.endsWith("ed") && n > 4) {
      end = n - 2;
    } else if (w.endsWith("es")) {
      end = n - 2;
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      end = n - 1;
    } else if (w.endsWith("y")) {
      return n - 1;
    }
    if (end > 3 && w.charAt(end - 1) == 'e') {
      end--;
    }
    if (end > 3 && w.charAt(end - 1) == w.charAt(end - 2) && !isVowel(w.charAt(end - 1)) && w.charAt(end - 1) != 's') {
      end--;
    }
    return end;
  }

  /**
   * Words whose stripped stem would be another word's that phrases use: "plane" and "plan" (a hedge), "note" and
   * "noted" and "not" (a negation). They keep a longer stem; 0 for every other word.
   */
  private static int keptStem(String w) {
    switch (w) {
      case "plane", "planes":
        return 5;
      case "note", "notes", "noted":
        return 4;
      default:
        return 0;
    }
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
