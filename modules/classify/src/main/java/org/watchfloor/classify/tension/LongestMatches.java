package org.watchfloor.classify.tension;

import java.util.ArrayList;
import java.util.List;
import org.watchfloor.classify.text.PhraseMatcher;

/**
 * Keeps, from the every-position matches of {@link PhraseMatcher#forEveryMatch}, the leftmost-longest non-overlapping
 * ones that {@link PhraseMatcher#find} would report for a matcher holding only this kind of phrase. One pass over the
 * text with a matcher of several kinds then serves each kind as its own {@code find} pass would, with one trie lookup
 * per token instead of one per kind. Not thread-safe: one per text.
 *
 * <p>It relies on the order of {@code forEveryMatch}: starts ascending, ends ascending for one start, and the values
 * of one phrase in the order they were added.
 */
final class LongestMatches<T> {
  /** Sized for a 4 KB article (some 35 events, up to 55): growing from the default size showed in profiles. */
  private final List<PhraseMatcher.Match<T>> matches = new ArrayList<>(64);
  /** The start of the last match kept, or -1: a longer phrase from the same token may still replace it. */
  private int pendingFrom = -1;
  private int pendingTo;
  /** Where the matches of the pending phrase begin in {@link #matches}: several values may share one phrase. */
  private int pendingIndex;
  /** The first token a new match may start at: tokens inside a kept match are not read again. */
  private int next;

  void accept(int from, int to, T value) {
    if (from == pendingFrom) {
      if (to > pendingTo) {
        matches.subList(pendingIndex, matches.size()).clear();
        pendingTo = to;
      }
      matches.add(new PhraseMatcher.Match<>(from, to, value));
      return;
    }
    if (pendingFrom >= 0) {
      next = pendingTo + 1;
    }
    if (from < next) {
      return;
    }
    pendingFrom = from;
    pendingTo = to;
    pendingIndex = matches.size();
    matches.add(new PhraseMatcher.Match<>(from, to, value));
  }

  /** The matches kept, in token order. */
  List<PhraseMatcher.Match<T>> matches() {
    return matches;
  }
}
