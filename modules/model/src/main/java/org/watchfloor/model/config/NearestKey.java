package org.watchfloor.model.config;

import java.util.Collection;
import java.util.Locale;

/** Finds the valid key nearest to a mistyped one, by edit distance, for "did you mean" hints. */
public final class NearestKey {
  private NearestKey() {}

  /** The candidate closest to {@code key}, or null when there is none. */
  public static String of(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String k = key.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(k, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The reason for an unknown key, in words: {@code unknown key (did you mean 'url'?)}. */
  public static String reason(String key, Collection<String> candidates) {
    String near = of(key, candidates);
    return near == null ? "unknown key" : "unknown key (did you mean '" + near + "'?)";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
