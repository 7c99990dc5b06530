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

  private Tokens(String text, Lexicon lexicon, int capacity) {
    this.text = text;
    this.lexicon = lexicon;
    start = new int[capacity];
    end = new int[capacity];
    norm = new String[capacity];
    stem = new String[capacity];
    shape = new int[capacity];
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
        add(begin, i, normalised, null, f, sent);
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
          add(begin, stop, lexicon.word(known), lexicon.stem(known), f, sent);
        } else {
          add(begin, stop, plain ? s.substring(begin, stop) : normalise(s, begin, stop), null, f, sent);
        }
      }
      if (negation) {
        add(stop, stop + 3, "not", "not", 0, sent);
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

  private void add(int from, int to, String normalised, String stemmed, int f, int sent) {
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      norm = Arrays.copyOf(norm, cap);
      stem = Arrays.copyOf(stem, cap);
      shape = Arrays.copyOf(shape, cap);
    }
    start[size] = from;
    end[size] = to;
    norm[size] = normalised;
    stem[size] = stemmed;
    shape[size] = f | sent << FLAG_BITS;
    size++;
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
