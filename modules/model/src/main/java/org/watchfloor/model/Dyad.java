package org.watchfloor.model;

import java.util.regex.Pattern;

/**
 * Who acts on whom: a CAMEO-style event class between two actors with its Goldstein value (-10 conflict to +10
 * cooperation), and the sentence it came from.
 *
 * <p>A dyad's key, {@code SOURCE>TARGET} (e.g. {@code PRK>KOR}, directed), names it in aggregates, in indexed
 * documents and in alert rules; it is built and read here only.
 */
public record Dyad(String source, String target, String eventClass, double goldstein, String sentence) {
  private static final char SEPARATOR = '>';
  private static final Pattern KEY = Pattern.compile("[^>\\s]+>[^>\\s]+");

  /** This dyad's key, {@code SOURCE>TARGET}. */
  public String key() {
    return key(source, target);
  }

  /** The key of the dyad from {@code source} to {@code target}: {@code SOURCE>TARGET}. */
  public static String key(String source, String target) {
    return source + SEPARATOR + target;
  }

  /** Whether {@code text} is written as a key: two ids without blanks on either side of one {@code >}. */
  public static boolean isKey(String text) {
    return text != null && KEY.matcher(text).matches();
  }

  /** The source of a key written {@code SOURCE>TARGET}. */
  public static String sourceOf(String key) {
    int at = key.indexOf(SEPARATOR);
    if (at < 0) {
      throw new IllegalArgumentException("not a dyad key (SOURCE>TARGET): '" + key + "'");
    }
    return key.substring(0, at);
  }
}
