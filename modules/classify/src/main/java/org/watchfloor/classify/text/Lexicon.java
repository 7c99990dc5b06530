package org.watchfloor.classify.text;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The words a classifier knows (its configured vocabulary and the commonest English words), each held once with its
 * stem, so that the tokenizer can hand out the shared strings, their hash codes and stems already computed, instead
 * of copying, hashing and stemming every occurrence again. A pure speed device: a text tokenises to equal tokens
 * with or without it. Immutable and thread-safe.
 */
public final class Lexicon {
  /** A lexicon that knows no words: tokens are always copied from the text. */
  public static final Lexicon EMPTY = new Lexicon(Set.of());

  /** The commonest words of English news, which make up about half of its running text. */
  private static final String[] COMMON = {
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "it", "with", "as", "by", "at", "he",
    "his", "said", "from", "its", "be", "are", "were", "has", "have", "had", "an", "not", "but", "this", "which",
    "who", "they", "their", "them", "or", "after", "been", "would", "will", "more", "than", "about", "also", "into",
    "over", "up", "out", "new", "two", "three", "one", "first", "last", "year", "years", "day", "days", "week", "she",
    "her", "we", "our", "us", "you", "i", "there", "what", "when", "while", "where", "other", "some", "any", "all",
    "no", "can", "could", "should", "may", "might", "says", "told", "since", "during", "before", "against", "between",
    "including", "under", "if", "so", "such", "most", "only", "both", "many", "several", "being", "because", "did",
    "do", "does", "how", "why", "these", "those", "then", "now", "still", "even", "just", "like", "through", "across",
    "around", "near", "off", "down", "back", "again", "further", "per", "cent", "percent", "million", "billion",
    "thousands", "hundreds", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "government", "minister", "president", "officials", "official", "country", "countries", "state", "states",
    "people", "news", "agency", "statement", "reported", "according", "security", "foreign", "national",
    "international", "military", "forces", "troops", "talks", "meeting", "leader", "leaders", "region", "city",
    "capital", "border", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "united",
    "nations", "council", "defence", "defense", "ministry", "spokesman", "spokeswoman", "added", "called", "made",
    "make", "took", "take", "went", "come", "came", "say", "saying", "warned", "expected", "later", "earlier",
    "early", "late", "time", "without", "within", "own", "part", "well", "whose", "whom", "each", "every", "another",
    "same", "next", "second", "third", "four", "five", "ten", "dozens", "high", "long", "major", "public",
    "political", "economic", "war", "peace", "support", "plan", "plans", "deal", "power", "force", "held", "hold",
    "set", "left", "right",
  };

  private final String[] keys;
  /** The hash codes of {@link #keys}, beside each other: a probe touches a key only when its hash matches. */
  private final int[] hashes;
  private final String[] stems;
  /** Per word slot: the slot of its stem in {@link #stemKeys}. */
  private final int[] stemSlots;
  private final int mask;
  /** The stems of the words, each once: their slots are the stem ids matchers index by. */
  private final String[] stemKeys;
  private final int[] stemHashes;
  private final int stemMask;

  private Lexicon(Set<String> words) {
    int capacity = capacity(words.size());
    keys = new String[capacity];
    hashes = new int[capacity];
    stems = new String[capacity];
    stemSlots = new int[capacity];
    mask = capacity - 1;
    stemKeys = new String[capacity];
    stemHashes = new int[capacity];
    stemMask = capacity - 1;
    for (String w : words) {
      int slot = spread(w.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      String stem = Stemmer.stem(w);
      keys[slot] = w;
      hashes[slot] = w.hashCode();
      stems[slot] = stem;
      stemSlots[slot] = addStem(stem);
    }
  }

  private static int capacity(int size) {
    return Integer.highestOneBit(Math.max(8, size * 3)) << 1;
  }

  private int addStem(String stem) {
    int slot = spread(stem.hashCode()) & stemMask;
    String k;
    while ((k = stemKeys[slot]) != null) {
      if (k.equals(stem)) {
        return slot;
      }
      slot = (slot + 1) & stemMask;
    }
    stemKeys[slot] = stem;
    stemHashes[slot] = stem.hashCode();
    return slot;
  }

  /**
   * A lexicon of the commonest English words and every word of {@code phrases}, tokenised as text is. Words that are
   * not plain lower-case ASCII after normalisation are left out: the tokenizer normalises those itself.
   */
  public static Lexicon of(Collection<String> phrases) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : COMMON) {
      addWords(w, words);
    }
    for (String p : phrases) {
      if (p != null) {
        addWords(p, words);
      }
    }
    return new Lexicon(words);
  }

  private static void addWords(String phrase, Set<String> out) {
    Tokens t = Tokens.of(phrase);
    for (int i = 0; i < t.size(); i++) {
      String norm = t.norm(i);
      if (plain(norm)) {
        out.add(norm);
      }
    }
  }

  private static boolean plain(String w) {
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'')) {
        return false;
      }
    }
    return !w.isEmpty();
  }

  /** How many words it holds. */
  public int size() {
    int n = 0;
    for (String k : keys) {
      if (k != null) {
        n++;
      }
    }
    return n;
  }

  /**
   * The slot of the word in {@code text[from, to)}, lower-cased ASCII, whose {@link String#hashCode()} is
   * {@code hash}; -1 when unknown.
   */
  int find(String text, int from, int to, int hash) {
    return probe(keys, hashes, mask, text, from, to, hash);
  }

  String word(int slot) {
    return keys[slot];
  }

  String stem(int slot) {
    return stems[slot];
  }

  /** The stem id of the word in {@code slot}. */
  int stemSlot(int slot) {
    return stemSlots[slot];
  }

  /**
   * The stem id of {@code text[from, to)} lower-cased, an ASCII stem whose {@link String#hashCode()} is {@code hash};
   * -1 when no word of the lexicon has that stem.
   */
  int findStem(String text, int from, int to, int hash) {
    return probe(stemKeys, stemHashes, stemMask, text, from, to, hash);
  }

  /** Linear probing of one table for {@code text[from, to)} lower-cased, whose hash code is {@code hash}. */
  private static int probe(String[] table, int[] tableHashes, int mask, String text, int from, int to, int hash) {
    int len = to - from;
    int slot = spread(hash) & mask;
    String k;
    while ((k = table[slot]) != null) {
      if (tableHashes[slot] == hash && k.length() == len && sameLowerCase(text, from, k)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The id of a word, a normalised token such as {@link Tokens#norm(int)}; -1 when the lexicon lacks it. */
  public int wordId(String word) {
    return find(word, 0, word.length(), word.hashCode());
  }

  /** The id of a stem, such as {@link Tokens#stem(int)}; -1 when no word of the lexicon has it. */
  public int stemId(String stem) {
    return findStem(stem, 0, stem.length(), stem.hashCode());
  }

  /** Word ids lie in {@code [0, wordIds())}: the size of an array indexed by them. */
  public int wordIds() {
    return keys.length;
  }

  /** Stem ids lie in {@code [0, stemIds())}. */
  public int stemIds() {
    return stemKeys.length;
  }

  /**
   * Whether a word can be told apart by id: a token whose word is plain (lower-case ASCII letters, digits and
   * apostrophes, as every ASCII token is) and not in the lexicon gets no id, so a matcher may index by id only when
   * its plain words are all in the lexicon.
   */
  public static boolean plainWord(String w) {
    return plain(w);
  }

  private static boolean sameLowerCase(String text, int from, String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(from + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
