package org.watchfloor.desk.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts an article's text into segments, marking the evidence sentences that drove its level. */
public final class Highlights {
  private Highlights() {}

  /**
   * The text as consecutive segments {@code {text, evidence}}; an evidence sentence found in the text (first place,
   * ignoring differences of white space) is one segment with {@code evidence: true}. Evidence not found in the text
   * is left out here; the view lists it apart.
   */
  public static List<Map<String, Object>> segments(String text, List<String> evidence) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    boolean[] marked = new boolean[text.length()];
    for (String e : evidence) {
      if (e == null || e.isBlank()) {
        continue;
      }
      int[] span = find(text, e.strip());
      if (span != null) {
        for (int i = span[0]; i < span[1]; i++) {
          marked[i] = true;
        }
      }
    }
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || marked[i] != marked[start]) {
        Map<String, Object> seg = new LinkedHashMap<>();
        seg.put("text", text.substring(start, i));
        seg.put("evidence", marked[start]);
        out.add(seg);
        start = i;
      }
    }
    return out;
  }

  /** Start and end of {@code sentence} in {@code text}, runs of white space matching any run; null if absent. */
  static int[] find(String text, String sentence) {
    int exact = text.indexOf(sentence);
    if (exact >= 0) {
      return new int[] {exact, exact + sentence.length()};
    }
    String[] words = sentence.split("\\s+");
    if (words.length == 0) {
      return null;
    }
    int from = 0;
    while (true) {
      int at = text.indexOf(words[0], from);
      if (at < 0) {
        return null;
      }
      int pos = at + words[0].length();
      boolean ok = true;
      for (int w = 1; w < words.length && ok; w++) {
        int p = pos;
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
          p++;
        }
        if (p == pos || !text.startsWith(words[w], p)) {
          ok = false;
        } else {
          pos = p + words[w].length();
        }
      }
      if (ok) {
        return new int[] {at, pos};
      }
      from = at + 1;
    }
  }
}
