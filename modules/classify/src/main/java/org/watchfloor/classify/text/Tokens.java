package org.watchfloor.classify.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A tokenised text: words with their offsets, normalised forms, shape flags and sentence numbers, kept in parallel
 * arrays so that matching allocates little.
 */
public final class Tokens {
  /** First character is upper case. */
  public static final int CAP = 1;
  /** Every letter is upper case and there are at least two letters. */
  public static final int UPPER = 2;
  /** Followed by a possessive {@code 's}. */
  public static final int POSSESSIVE = 4;
  /** Written with dots, as in {@code U.S.}. */
  public static final int DOTTED = 8;
  /** Last token of its sentence. */
  public static final int SENTENCE_END = 16;
  /** Only digits. */
  public static final int DIGITS = 32;

  private static final int FLAG_BITS = 6;
  private static final int FLAG_MASK = (1 << FLAG_BITS) - 1;

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr", "no", "rev", "gov",
      "sen", "rep", "adm", "prof", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "corp", "co");

  private final String text;
  private final Lexicon lexicon;
  private int size;
  private int[] start;
  private int[] end;
  private String[] norm;
  private String[] stem;
  /** Shape flags in the low {@link #FLAG_BITS} bits, the sentence number above them: one array instead of two. */
  private int[] shape;
  private int sentences;
  private char[] buffer = new char[32];
  /** Per token: its word id in the lexicon, {@link #NO_ID}, or {@link #BY_STRING} until looked up. */
  private int[] wordIds;
  /** Per token: its stem id, {@link #NO_ID}, {@link #LAZY_ASCII} or {@link #BY_STRING} until looked up. */
  private int[] stemIds;
  /** Per token: {@code norm.hashCode()}, computed while reading the text when it is ASCII, else on first use. */
  private int[] hashes;
  private static final int NO_HASH_YET = 0;

  /** An id meaning the lexicon lacks the word or stem. */
  public static final int NO_ID = -1;
  /** Stem of an ASCII token not in the lexicon: its id is looked up in the text when first asked for. */
  private static final int LAZY_ASCII = -2;
  /**
   * Word or stem id of a token the tokenizer did not look up (not ASCII, dotted, or no lexicon): a matcher indexed by
   * id must look it up by its string.
   */
  public static final int BY_STRING = -3;

  private Tokens(String text, Lexicon lexicon, int capacity) {
    this.text = text;
    this.lexicon = lexicon;
    start = new int[capacity];
    end = new int[capacity];
    norm = new String[capacity];
    stem = new String[capacity];
    shape = new int[capacity];
    wordIds = new int[capacity];
    stemIds = new int[capacity];
    hashes = new int[capacity];
  }

  /** Tokenises a text; words split at spaces, punctuation and hyphens, possessives and dots folded into flags. */
  public static Tokens of(String text) {
    return of(text, Lexicon.EMPTY);
  }

  /**
   * Tokenises a text, taking the words the lexicon knows (and their stems) from it rather than copying them; the
   * tokens are the same either way.
   */
  public static Tokens of(String text, Lexicon lexicon) {
    Tokens t = new Tokens(text, lexicon, Math.max(16, text.length() / 5));
    t.tokenize();
    return t;
  }

  private void tokenize() {
    final String s = text;
    final int n = s.length();
    int i = 0;
    int sent = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!letterOrDigit(c)) {
        if (c == '\n' && size > 0 && sentence(size - 1) == sent) {
          shape[size - 1] |= SENTENCE_END;
          sent++;
        }
        i++;
        continue;
      }
      int begin = i;
      int f = 0;
      // dotted abbreviation: U.S., U.N., E.U.
      int j = i;
      int letters = 0;
      while (j + 1 < n && upperCase(s.charAt(j)) && s.charAt(j + 1) == '.') {
        j += 2;
        letters++;
      }
      String normalised;
      if (letters >= 2 && (j >= n || !letterOrDigit(s.charAt(j)))) {
        StringBuilder sb = new StringBuilder(letters);
        for (int k = begin; k < j; k += 2) {
          sb.append(Character.toLowerCase(s.charAt(k)));
        }
        normalised = sb.toString();
        f |= DOTTED | UPPER | CAP;
        i = j;
        add(begin, i, normalised, null, f, sent, BY_STRING, BY_STRING, NO_HASH_YET);
        // a dotted abbreviation ends a sentence only at a line break or the end of the text
        continue;
      }
      boolean allUpper = true;
      boolean allDigits = true;
      int upperLetters = 0;
      // lower-case ASCII letters, digits and apostrophes only: the token is its own normal form
      boolean plain = true;
      boolean ascii = true;
      int hash = 0; // String.hashCode() of the lower-cased token while it is ASCII, for the lexicon
      while (i < n) {
        char d = s.charAt(i);
        if (d < 0x80) {
          if (d >= 'a' && d <= 'z') {
            allDigits = false;
            allUpper = false;
            hash = 31 * hash + d;
            i++;
            continue;
          }
          if (d >= 'A' && d <= 'Z') {
            allDigits = false;
            upperLetters++;
            plain = false;
            hash = 31 * hash + (d + ('a' - 'A'));
            i++;
            continue;
          }
          if (d >= '0' && d <= '9') {
            hash = 31 * hash + d;
            i++;
            continue;
          }
        }
        if (d >= 0x80 && Character.isLetterOrDigit(d)) {
          plain = false;
          ascii = false;
          if (Character.isLetter(d)) {
            allDigits = false;
            if (Character.isUpperCase(d)) {
              upperLetters++;
            } else {
              allUpper = false;
            }
          }
          i++;
        } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
          // possessive 's, negation n't, or a name such as Sa'ar
          char e = s.charAt(i + 1);
          boolean endsAfter = i + 2 >= n || !Character.isLetterOrDigit(s.charAt(i + 2));
          if ((e == 's' || e == 'S') && endsAfter) {
            f |= POSSESSIVE;
            break;
          }
          if ((e == 't' || e == 'T') && endsAfter && i - 1 > begin && (s.charAt(i - 1) == 'n' || s.charAt(i - 1) == 'N')) {
            break;
          }
          if (d != '\'') {
            plain = false;
            ascii = false;
          }
          hash = 31 * hash + d;
          i++;
        } else {
          break;
        }
      }
      int stop = i;
      boolean negation = false;
      if (stop < n && (s.charAt(stop) == '\'' || s.charAt(stop) == '\u2019') && (f & POSSESSIVE) == 0) {
        negation = true;
        stop--; // drop the n of n't
      }
      if (upperCase(s.charAt(begin))) {
        f |= CAP;
      }
      if (allUpper && upperLetters >= 2) {
        f |= UPPER;
      }
      if (allDigits) {
        f |= DIGITS;
      }
      if (stop > begin) {
        if (negation) {
          hash = lowerCaseHash(s, begin, stop); // the n of n't was hashed with the word
        }
        int known = ascii && lexicon != Lexicon.EMPTY ? lexicon.find(s, begin, stop, hash) : -1;
        if (known >= 0) {
          add(begin, stop, lexicon.word(known), lexicon.stem(known), f, sent, known, lexicon.stemSlot(known), hash);
        } else if (ascii && lexicon != Lexicon.EMPTY) {
          // an ASCII word is plain once lower-cased; the lexicon holds every plain word a matcher knows
          add(begin, stop, plain ? s.substring(begin, stop) : normalise(s, begin, stop), null, f, sent, NO_ID,
              LAZY_ASCII, hash);
        } else {
          add(begin, stop, plain ? s.substring(begin, stop) : normalise(s, begin, stop), null, f, sent, BY_STRING,
              BY_STRING, ascii ? hash : NO_HASH_YET);
        }
      }
      if (negation) {
        add(stop, stop + 3, "not", "not", 0, sent, BY_STRING, BY_STRING, NO_HASH_YET);
        i = stop + 3;
      } else if ((f & POSSESSIVE) != 0) {
        i += 2;
      }
      // sentence end: . ! ? then space and a capital, a quote, a digit or the end
      int k = i;
      while (k < n && (s.charAt(k) == '"' || s.charAt(k) == '\u201d' || s.charAt(k) == ')')) {
        k++;
      }
      if (k < n && (s.charAt(k) == '.' || s.charAt(k) == '!' || s.charAt(k) == '?')) {
        char p = s.charAt(k);
        int m = k + 1;
        while (m < n && (s.charAt(m) == '"' || s.charAt(m) == '\u201d' || s.charAt(m) == '\'' || s.charAt(m) == '\u2019' || s.charAt(m) == ')')) {
          m++;
        }
        boolean boundary = m >= n || Character.isWhitespace(s.charAt(m));
        String last = norm[size - 1];
        boolean abbreviation = p == '.' && (ABBREVIATIONS.contains(last) || (stop - begin == 1 && upperCase(s.charAt(begin))));
        if (boundary && !abbreviation) {
          shape[size - 1] |= SENTENCE_END;
          sent++;
        }
      }
    }
    if (size > 0 && (shape[size - 1] & SENTENCE_END) == 0) {
      shape[size - 1] |= SENTENCE_END;
      sent++;
    }
    sentences = sent;
  }

  /** {@link String#hashCode()} of the ASCII range lower-cased, computed without building the string. */
  private static int lowerCaseHash(String s, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return h;
  }

  private static boolean letterOrDigit(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  private static boolean upperCase(char c) {
    return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }

  /** Lower case and folded; an ASCII word is lower-cased in one copy, anything else by the JDK and {@link Folding}. */
  private String normalise(String s, int from, int to) {
    int len = to - from;
    boolean ascii = true;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      if (buffer.length < len) {
        buffer = new char[Math.max(len, 2 * buffer.length)];
      }
      for (int k = 0; k < len; k++) {
        char c = s.charAt(from + k);
        buffer[k] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      }
      return new String(buffer, 0, len);
    }
    String lower = s.substring(from, to).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return Folding.fold(lower);
  }

  private void add(
      int from, int to, String normalised, String stemmed, int f, int sent, int wordId, int stemId, int hash) {
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      norm = Arrays.copyOf(norm, cap);
      stem = Arrays.copyOf(stem, cap);
      shape = Arrays.copyOf(shape, cap);
      wordIds = Arrays.copyOf(wordIds, cap);
      stemIds = Arrays.copyOf(stemIds, cap);
      hashes = Arrays.copyOf(hashes, cap);
    }
    start[size] = from;
    end[size] = to;
    norm[size] = normalised;
    stem[size] = stemmed;
    shape[size] = f | sent << FLAG_BITS;
    wordIds[size] = wordId;
    stemIds[size] = stemId;
    hashes[size] = hash;
    size++;
  }

  /** {@code norm(i).hashCode()}, without touching the string when the tokenizer computed it. */
  public int normHash(int i) {
    int h = hashes[i];
    return h != NO_HASH_YET ? h : norm[i].hashCode();
  }

  /**
   * {@code stem(i).hashCode()}, computed over the prefix of {@link #norm(int)} that the stem is, building no
   * string: the learned reader hashes it into its features.
   */
  public int stemHash(int i) {
    if (stemHashes == null) {
      stemHashes = new int[size];
      Arrays.fill(stemHashes, NO_HASH_YET);
    }
    int h = stemHashes[i];
    if (h != NO_HASH_YET) {
      return h;
    }
    String n = norm[i];
    int len = Stemmer.stemLength(n);
    h = 0;
    for (int k = 0; k < len; k++) {
      h = 31 * h + n.charAt(k);
    }
    stemHashes[i] = h;
    return h;
  }

  /** {@link #stemHash(int)} of each token, filled on first use (a hash equal to the marker is just computed again). */
  private int[] stemHashes;

  /** The lexicon the ids of these tokens refer to; {@link Lexicon#EMPTY} when there are no ids. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * The id of token {@code i}'s word in {@link #lexicon()}: {@link #NO_ID} when the lexicon lacks it (a plain word
   * then equals none of its words), or {@link #BY_STRING} when the token must be looked up by {@link #norm(int)}.
   */
  public int wordId(int i) {
    return wordIds[i];
  }

  /**
   * The id of token {@code i}'s stem in {@link #lexicon()}: {@link #NO_ID} when no word of the lexicon has that stem
   * (a plain stem then equals none of theirs), or {@link #BY_STRING} when the token must be looked up by
   * {@link #stem(int)}.
   */
  public int stemId(int i) {
    int id = stemIds[i];
    if (id == LAZY_ASCII) {
      // the stem of an ASCII token is a prefix of its lower-cased text: look it up there, building no string
      int from = start[i];
      int len = Stemmer.stemLength(norm[i]);
      id = lexicon.findStem(text, from, from + len, lowerCaseHash(text, from, from + len));
      stemIds[i] = id;
    }
    return id;
  }

  public String text() {
    return text;
  }

  public int size() {
    return size;
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  /** Lower case, accents folded, dots of abbreviations removed. */
  public String norm(int i) {
    return norm[i];
  }

  /** A light, consistent suffix-stripped form used for phrase matching; computed on first use. */
  public String stem(int i) {
    String st = stem[i];
    if (st == null) {
      st = Stemmer.stem(norm[i]);
      stem[i] = st;
    }
    return st;
  }

  public int flags(int i) {
    return shape[i] & FLAG_MASK;
  }

  public boolean has(int i, int flag) {
    return (shape[i] & flag) != 0;
  }

  /** The original text of token {@code i}. */
  public String surface(int i) {
    return text.substring(start[i], end[i]);
  }

  /** The original text from token {@code from} to token {@code to}, inclusive. */
  public String surface(int from, int to) {
    return text.substring(start[from], end[to]);
  }

  public int sentence(int i) {
    return shape[i] >>> FLAG_BITS;
  }

  public int sentenceCount() {
    return sentences;
  }
}
