package org.watchfloor.indexer.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Free text as people type it into search boxes, parsed once: words (all must match), {@code OR} (either side),
 * {@code AND}, {@code -word} or {@code NOT word} (must not match), {@code "quoted phrases"} and parentheses. The same
 * parsed form becomes an Elasticsearch query ({@link TextQueries}) and matches a live article's text in Java
 * ({@link #matches}), so history and the live stream agree.
 *
 * <p>Words are matched as Elasticsearch's standard analyzer sees them: lower case, split at anything that is not a
 * letter or a digit, English stop words ignored (a word that is only stop words matches nothing, as there). Nothing here throws on odd input: an unclosed quote closes at the end,
 * a stray operator is taken as a word or dropped.
 */
public sealed interface TextQuery {
  /** Matches every text: the empty query. */
  TextQuery ALL = new All();

  /** Whether {@code text}, as tokens, satisfies this query. */
  default boolean matches(String text) {
    return matchesTokens(tokens(text));
  }

  /** Whether the tokens of a text (from {@link #tokens}) satisfy this query. */
  boolean matchesTokens(List<String> tokens);

  /** Matches any text. */
  record All() implements TextQuery {
    @Override
    public boolean matchesTokens(List<String> tokens) {
      return true;
    }
  }

  /** A word, or several tokens typed as one word ({@code U.S.}), matched as a phrase. */
  record Term(String text, List<String> tokens) implements TextQuery {
    public Term {
      tokens = List.copyOf(tokens);
    }

    @Override
    public boolean matchesTokens(List<String> doc) {
      return containsSequence(doc, tokens);
    }
  }

  /** A quoted phrase: its tokens in order, next to each other. */
  record Phrase(String text, List<String> tokens) implements TextQuery {
    public Phrase {
      tokens = List.copyOf(tokens);
    }

    @Override
    public boolean matchesTokens(List<String> doc) {
      return containsSequence(doc, tokens);
    }
  }

  /** Every part must match. */
  record And(List<TextQuery> parts) implements TextQuery {
    public And {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean matchesTokens(List<String> doc) {
      return parts.stream().allMatch(p -> p.matchesTokens(doc));
    }
  }

  /** At least one part must match. */
  record Or(List<TextQuery> parts) implements TextQuery {
    public Or {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean matchesTokens(List<String> doc) {
      return parts.stream().anyMatch(p -> p.matchesTokens(doc));
    }
  }

  /** The part must not match. */
  record Not(TextQuery part) implements TextQuery {
    public Not {
      Objects.requireNonNull(part, "part");
    }

    @Override
    public boolean matchesTokens(List<String> doc) {
      return !part.matchesTokens(doc);
    }
  }

  /** Parses what a user typed; blank or null text is {@link #ALL}. */
  static TextQuery parse(String input) {
    return new TextQueryParser(input == null ? "" : input).parse();
  }

  /** The stop words of Elasticsearch's {@code _english_} list, which the index leaves out of title and text. */
  Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
      "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
      "this", "to", "was", "will", "with");

  /** The tokens of {@code text} as the standard analyzer makes them: lower case letters and digits, stop words out. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        int start = i;
        while (i < n) {
          int c = s.codePointAt(i);
          // the standard tokenizer keeps an apostrophe or a dot between letters (don't, u.s) inside one token
          if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            i += Character.charCount(c);
          } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(s.codePointAt(i + 1))) {
            i += 1;
          } else {
            break;
          }
        }
        String token = s.substring(start, i);
        if (!STOP_WORDS.contains(token)) {
          out.add(token);
        }
      } else {
        i += Character.charCount(cp);
      }
    }
    return out;
  }

  private static boolean containsSequence(List<String> doc, List<String> seq) {
    if (seq.isEmpty()) {
      // only stop words: Elasticsearch matches nothing for them, and neither does this
      return false;
    }
    outer:
    for (int i = 0; i + seq.size() <= doc.size(); i++) {
      for (int j = 0; j < seq.size(); j++) {
        if (!doc.get(i + j).equals(seq.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
