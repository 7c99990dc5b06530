package org.watchfloor.classify.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Finds configured phrases in a {@link Tokens} stream with a token trie, longest match first, comparing stems so that
 * inflections match; one lookup per token for text that matches nothing.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {
  private final Node<T> root = new Node<>();
  private final Set<String> words = new LinkedHashSet<>();
  /** The first-word nodes indexed by stem id, for the lexicon of the last tokens matched; rebuilt for another. */
  private volatile ByStem<T> byStem;

  private record ByStem<T>(Lexicon lexicon, Node<T>[] nodes) {}

  private static final class Node<T> {
    Map<String, Node<T>> children;
    List<T> values;
  }

  /** A phrase found in the text: the token range and what it stands for. */
  public record Match<T>(int from, int to, T value) {}

  /** Receives matches as plain values, so that matching allocates nothing per match. */
  @FunctionalInterface
  public interface MatchSink<T> {
    void accept(int from, int to, T value);
  }

  /**
   * Adds a phrase, tokenised and stemmed like the text it will be matched against. Phrases are added before any text
   * is matched.
   */
  public PhraseMatcher<T> add(String phrase, T value) {
    byStem = null;
    Tokens t = Tokens.of(phrase);
    if (t.size() == 0) {
      throw new IllegalArgumentException("empty phrase");
    }
    Node<T> node = root;
    for (int i = 0; i < t.size(); i++) {
      words.add(t.norm(i));
      if (node.children == null) {
        node.children = new HashMap<>();
      }
      node = node.children.computeIfAbsent(t.stem(i), k -> new Node<>());
    }
    if (node.values == null) {
      node.values = new ArrayList<>(1);
    }
    // inflections of one phrase ("deploy", "deployed") share a stem: keep one entry, or it would count twice
    if (!node.values.contains(value)) {
      node.values.add(value);
    }
    return this;
  }

  /** Reports every longest, non-overlapping match in token order. */
  public void find(Tokens tokens, BiConsumer<Match<T>, Tokens> sink) {
    int n = tokens.size();
    Map<String, Node<T>> top = root.children;
    if (top == null) {
      return;
    }
    int i = 0;
    while (i < n) {
      Node<T> node = top.get(tokens.stem(i));
      if (node == null) {
        i++;
        continue;
      }
      int bestEnd = node.values != null ? i : -1;
      Node<T> best = node.values != null ? node : null;
      int j = i + 1;
      while (node.children != null && j < n && tokens.sentence(j) == tokens.sentence(i)) {
        node = node.children.get(tokens.stem(j));
        if (node == null) {
          break;
        }
        if (node.values != null) {
          bestEnd = j;
          best = node;
        }
        j++;
      }
      if (best == null) {
        i++;
        continue;
      }
      for (T v : best.values) {
        sink.accept(new Match<>(i, bestEnd, v), tokens);
      }
      i = bestEnd + 1;
    }
  }

  /**
   * Reports every phrase at every position, overlapping ones included: "military exercise" and "military" both
   * match, as topic evidence needs.
   */
  public void findEvery(Tokens tokens, BiConsumer<Match<T>, Tokens> sink) {
    forEveryMatch(tokens, (from, to, v) -> sink.accept(new Match<>(from, to, v), tokens));
  }

  /** Like {@link #findEvery}, without a {@link Match} per match. */
  public void forEveryMatch(Tokens tokens, MatchSink<T> sink) {
    int n = tokens.size();
    Map<String, Node<T>> top = root.children;
    if (top == null) {
      return;
    }
    Node<T>[] index = index(tokens.lexicon());
    for (int i = 0; i < n; i++) {
      Node<T> node;
      if (index == null) {
        node = top.get(tokens.stem(i));
      } else {
        int id = tokens.stemId(i);
        node = id >= 0 ? index[id] : id == Tokens.BY_STRING ? top.get(tokens.stem(i)) : null;
      }
      int j = i;
      while (node != null) {
        if (node.values != null) {
          List<T> values = node.values;
          for (int k = 0; k < values.size(); k++) {
            sink.accept(i, j, values.get(k));
          }
        }
        j++;
        if (node.children == null || j >= n || tokens.sentence(j) != tokens.sentence(i)) {
          break;
        }
        node = node.children.get(tokens.stem(j));
      }
    }
  }

  /** Whether matching tokens of this lexicon looks their first words up by stem id rather than by string. */
  public boolean indexedBy(Lexicon lexicon) {
    return index(lexicon) != null;
  }

  /** Every word of every phrase, normalised: what a {@link Lexicon} for this matcher must hold. */
  public Set<String> words() {
    return Collections.unmodifiableSet(words);
  }

  /**
   * The first-word nodes by stem id, or null when the tokens must be looked up by string: no lexicon, or a plain
   * first word whose stem the lexicon lacks (a token with that stem would get no id).
   */
  @SuppressWarnings("unchecked")
  private Node<T>[] index(Lexicon lexicon) {
    if (lexicon == Lexicon.EMPTY || root.children == null) {
      return null;
    }
    ByStem<T> b = byStem;
    if (b == null || b.lexicon() != lexicon) {
      Node<T>[] nodes = new Node[lexicon.stemIds()];
      for (Map.Entry<String, Node<T>> e : root.children.entrySet()) {
        int id = lexicon.stemId(e.getKey());
        if (id >= 0) {
          nodes[id] = e.getValue();
        } else if (Lexicon.plainWord(e.getKey())) {
          nodes = null;
          break;
        }
      }
      b = new ByStem<>(lexicon, nodes);
      byStem = b;
    }
    return b.nodes();
  }

  /** All matches as a list. */
  public List<Match<T>> findAll(Tokens tokens) {
    List<Match<T>> out = new ArrayList<>();
    find(tokens, (m, t) -> out.add(m));
    return out;
  }
}
