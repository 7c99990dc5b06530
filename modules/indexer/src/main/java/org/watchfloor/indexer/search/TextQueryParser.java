package org.watchfloor.indexer.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the typed text: {@code or := and (OR and)*}, {@code and := unary ((AND)? unary)*},
 * {@code unary := (- | NOT) unary | atom}, {@code atom := "phrase" | ( or ) | word}. {@code |} and {@code +} as
 * Elasticsearch's simple syntax writes them are accepted too.
 */
final class TextQueryParser {
  private enum Kind { WORD, PHRASE, OR, AND, NOT, OPEN, CLOSE }

  private record Token(Kind kind, String text) {}

  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int depth;

  TextQueryParser(String input) {
    lex(input);
  }

  TextQuery parse() {
    List<TextQuery> parts = new ArrayList<>();
    while (pos < tokens.size()) {
      TextQuery q = or();
      if (q != null) {
        parts.add(q);
      } else if (pos < tokens.size()) {
        pos++; // a stray ')' or operator: dropped
      }
    }
    TextQuery all = simplify(parts);
    return all == null ? TextQuery.ALL : all;
  }

  private TextQuery or() {
    List<TextQuery> alternatives = new ArrayList<>();
    TextQuery first = and();
    if (first != null) {
      alternatives.add(first);
    }
    while (peek(Kind.OR)) {
      pos++;
      TextQuery next = and();
      if (next != null) {
        alternatives.add(next);
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new TextQuery.Or(alternatives);
  }

  private TextQuery and() {
    List<TextQuery> parts = new ArrayList<>();
    while (pos < tokens.size()) {
      Kind k = tokens.get(pos).kind();
      if (k == Kind.OR || (k == Kind.CLOSE && depth > 0)) {
        break;
      }
      if (k == Kind.AND || k == Kind.CLOSE) {
        pos++;
        continue;
      }
      TextQuery u = unary();
      if (u != null) {
        parts.add(u);
      }
    }
    return simplify(parts);
  }

  private TextQuery unary() {
    if (peek(Kind.NOT)) {
      pos++;
      if (pos >= tokens.size() || tokens.get(pos).kind() == Kind.OR || tokens.get(pos).kind() == Kind.CLOSE) {
        return null;
      }
      TextQuery inner = unary();
      return inner == null ? null : new TextQuery.Not(inner);
    }
    return atom();
  }

  private TextQuery atom() {
    Token t = tokens.get(pos++);
    switch (t.kind()) {
      case PHRASE: {
        List<String> words = TextQuery.tokens(t.text());
        return new TextQuery.Phrase(t.text(), words);
      }
      case OPEN: {
        depth++;
        TextQuery inner = or();
        depth--;
        if (peek(Kind.CLOSE)) {
          pos++;
        }
        return inner;
      }
      case WORD: {
        List<String> words = TextQuery.tokens(t.text());
        return new TextQuery.Term(t.text(), words);
      }
      default:
        return null;
    }
  }

  private boolean peek(Kind kind) {
    return pos < tokens.size() && tokens.get(pos).kind() == kind;
  }

  private static TextQuery simplify(List<TextQuery> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return new TextQuery.And(parts);
  }

  private void lex(String s) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\u201C' || c == '\u201D') {
        int end = i + 1;
        while (end < n && s.charAt(end) != '"' && s.charAt(end) != '\u201C' && s.charAt(end) != '\u201D') {
          end++;
        }
        tokens.add(new Token(Kind.PHRASE, s.substring(i + 1, end)));
        i = Math.min(n, end + 1);
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "("));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")"));
        i++;
      } else if (c == '|') {
        tokens.add(new Token(Kind.OR, "|"));
        i++;
      } else if ((c == '-' || c == '!') && (tokens.isEmpty() || i == 0 || Character.isWhitespace(s.charAt(i - 1))
          || s.charAt(i - 1) == '(')) {
        tokens.add(new Token(Kind.NOT, "-"));
        i++;
      } else if (c == '+') {
        tokens.add(new Token(Kind.AND, "+"));
        i++;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(s.charAt(end)) && "\"()|\u201C\u201D".indexOf(s.charAt(end)) < 0) {
          end++;
        }
        String word = s.substring(i, end);
        switch (word) {
          case "OR" -> tokens.add(new Token(Kind.OR, word));
          case "AND" -> tokens.add(new Token(Kind.AND, word));
          case "NOT" -> tokens.add(new Token(Kind.NOT, word));
          default -> tokens.add(new Token(Kind.WORD, word));
        }
        i = end;
      }
    }
  }
}
