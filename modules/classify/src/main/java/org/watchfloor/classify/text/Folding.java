package org.watchfloor.classify.text;

import java.text.Normalizer;

/** Folds accented letters to ASCII so that "Türkiye" and "Turkiye", "Sébastien" and "Sebastien" match. */
final class Folding {
  private Folding() {}

  static String fold(String lower) {
    boolean ascii = true;
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return lower;
    }
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c == '\u0131' ? 'i' : c);
      }
    }
    return sb.toString();
  }
}
