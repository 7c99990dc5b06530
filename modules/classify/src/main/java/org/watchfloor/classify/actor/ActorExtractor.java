package org.watchfloor.classify.actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.classify.text.Lexicon;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.config.ConfigException;

/**
 * Resolves the actors named in a text against the gazetteer: names, abbreviations (case-sensitive), demonyms,
 * capitals as metonyms, surnames once the full name has appeared, and titled people the gazetteer does not know.
 * Place names that contain an actor's name ("Gulf of Finland") are matched like names, longest first, and name nobody.
 * Immutable and thread-safe once built.
 */
public final class ActorExtractor {
  /** Type reported for titled people who are not in the gazetteer. */
  public static final String UNRESOLVED = "UNRESOLVED";

  enum Kind { NAME, ABBREVIATION, DEMONYM, METONYM, SHORT, PLACE }

  /** A gazetteer name; a {@link Kind#PLACE} has no actor. */
  record Alias(Actor actor, Kind kind, boolean capitalised) {}

  private static final class Node {
    Map<String, Node> children;
    List<Alias> aliases;
  }

  /** Capitalised words that commonly open a sentence and so do not make the next word part of a name. */
  private static final Set<String> SENTENCE_OPENERS = Set.of(
      "the", "a", "an", "in", "on", "at", "for", "from", "to", "with", "by", "as", "and", "but", "or", "while",
      "after", "before", "when", "meanwhile", "also", "if", "neighbouring", "neighboring", "that", "this", "both",
      "across", "unlike", "like", "said", "says", "king", "queen", "president", "minister", "against", "whether",
      "how", "why", "what", "where", "during", "since", "until", "near", "over", "under", "about", "between", "of");

  private static final Set<String> ALLOWED_TYPES = Set.of(
      "STATE", "LEADER", "OFFICIAL", "ORGANISATION", "ARMED_FORCES", "STATE_MEDIA", "NON_STATE");

  private final Node root = new Node();
  /** Every word of every name and of the words after which an abbreviation is none, normalised. */
  private final Set<String> words = new LinkedHashSet<>();
  /** First-word nodes and titles by word id, for the lexicon of the last tokens read; rebuilt for another. */
  private volatile ById byId;

  /** Null arrays: the tokens of that lexicon must be looked up by string. */
  private record ById(Lexicon lexicon, Node[] first, boolean[] title) {}
  private final Set<String> titles;
  private final Set<String> roleWords;
  private final Set<String> notNames;
  private final int actorCount;

  private ActorExtractor(ActorsConfig config, String file) {
    Map<String, Actor> byId = new HashMap<>();
    int index = 0;
    for (ActorsConfig.StateEntry s : config.states()) {
      String key = "states[" + index++ + "]";
      require(file, key + ".id", s.id());
      require(file, key + ".name", s.name());
      if (!s.id().matches("[A-Z]{3}")) {
        throw new ConfigException(file, key + ".id", "a state id must be ISO 3166-1 alpha-3, got " + s.id());
      }
      Actor a = new Actor(s.id(), "STATE", s.name(), s.wikidata(), s.id(), Boolean.TRUE.equals(s.personName()),
          lower(s.notAfter()));
      register(byId, a, file, key);
      words.addAll(a.notAfter());
      addName(a, s.name(), Kind.NAME);
      each(s.aliases(), x -> addName(a, x, Kind.NAME));
      each(s.abbreviations(), x -> addName(a, x, Kind.ABBREVIATION));
      each(s.metonyms(), x -> addName(a, x, Kind.METONYM));
      each(s.shortNames(), x -> addName(a, x, Kind.SHORT));
      each(s.demonyms(), x -> {
        addName(a, x, Kind.DEMONYM);
        if (x.endsWith("n") || x.endsWith("i")) {
          addName(a, x + "s", Kind.DEMONYM);
        }
      });
    }
    index = 0;
    for (ActorsConfig.ActorEntry e : config.actors()) {
      String key = "actors[" + index++ + "]";
      require(file, key + ".id", e.id());
      require(file, key + ".name", e.name());
      require(file, key + ".type", e.type());
      if (!ALLOWED_TYPES.contains(e.type())) {
        throw new ConfigException(file, key + ".type", "unknown type " + e.type() + ", expected one of " + ALLOWED_TYPES);
      }
      Actor a = new Actor(e.id(), e.type(), e.name(), e.wikidata(), e.country(), false, lower(e.notAfter()));
      register(byId, a, file, key);
      words.addAll(a.notAfter());
      addName(a, e.name(), Kind.NAME);
      each(e.aliases(), x -> addName(a, x, Kind.NAME));
      each(e.abbreviations(), x -> addName(a, x, Kind.ABBREVIATION));
      each(e.metonyms(), x -> addName(a, x, Kind.METONYM));
      each(e.shortNames(), x -> addName(a, x, Kind.SHORT));
    }
    index = 0;
    for (String place : config.places()) {
      require(file, "places[" + index++ + "]", place);
      addName(null, place, Kind.PLACE);
    }
    actorCount = byId.size();
    titles = lower(config.titles());
    roleWords = lower(config.roleWords());
    notNames = lower(config.notNames());
  }

  /** Compiles a gazetteer; {@code file} names it in configuration errors. */
  public static ActorExtractor of(ActorsConfig config, String file) {
    return new ActorExtractor(Objects.requireNonNull(config, "config"), file);
  }

  public int actorCount() {
    return actorCount;
  }

  private static void require(String file, String key, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(file, key, "missing");
    }
  }

  private static void register(Map<String, Actor> byId, Actor a, String file, String key) {
    if (byId.putIfAbsent(a.id(), a) != null) {
      throw new ConfigException(file, key + ".id", "duplicate id " + a.id());
    }
  }

  private static void each(List<String> values, java.util.function.Consumer<String> action) {
    if (values != null) {
      values.forEach(action);
    }
  }

  private static Set<String> lower(List<String> values) {
    if (values == null || values.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (String v : values) {
      out.add(v.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  private void addName(Actor actor, String name, Kind kind) {
    Tokens t = Tokens.of(name);
    if (t.size() == 0) {
      return;
    }
    Node node = root;
    for (int i = 0; i < t.size(); i++) {
      if (node.children == null) {
        node.children = new HashMap<>();
      }
      node = node.children.computeIfAbsent(t.norm(i), k -> new Node());
      words.add(t.norm(i));
    }
    if (node.aliases == null) {
      node.aliases = new ArrayList<>(1);
    }
    for (Alias existing : node.aliases) {
      if (existing.kind() == kind && (kind == Kind.PLACE || existing.actor().id().equals(actor.id()))) {
        return;
      }
    }
    node.aliases.add(new Alias(actor, kind, Character.isUpperCase(name.charAt(0))));
  }

  /** Every word the gazetteer matches or reads titles by: what a {@link Lexicon} for it must hold. */
  public Set<String> words() {
    Set<String> out = new LinkedHashSet<>(words);
    out.addAll(titles);
    out.addAll(roleWords);
    out.addAll(notNames);
    return out;
  }

  /** Whether reading tokens of this lexicon looks names and titles up by word id rather than by string. */
  public boolean indexedBy(Lexicon lexicon) {
    return byId(lexicon).first() != null;
  }

  private ById byId(Lexicon lexicon) {
    ById b = byId;
    if (b != null && b.lexicon() == lexicon) {
      return b;
    }
    Node[] first = null;
    boolean[] title = null;
    if (lexicon != Lexicon.EMPTY && root.children != null) {
      first = new Node[lexicon.wordIds()];
      title = new boolean[lexicon.wordIds()];
      for (Map.Entry<String, Node> e : root.children.entrySet()) {
        if (!index(lexicon, e.getKey(), first, e.getValue(), title, false)) {
          first = null;
          title = null;
          break;
        }
      }
      if (first != null) {
        for (String t : titles) {
          if (!index(lexicon, t, first, null, title, true)) {
            first = null;
            title = null;
            break;
          }
        }
      }
    }
    b = new ById(lexicon, first, title);
    byId = b;
    return b;
  }

  /** Files a word under its id; false when it is plain but the lexicon lacks it, so that ids cannot stand for it. */
  private static boolean index(Lexicon lexicon, String word, Node[] first, Node node, boolean[] title, boolean isTitle) {
    int id = lexicon.wordId(word);
    if (id < 0) {
      return !Lexicon.plainWord(word);
    }
    if (isTitle) {
      title[id] = true;
    } else {
      first[id] = node;
    }
    return true;
  }

  /** Convenience for callers with plain text. */
  public ActorExtraction extract(String text) {
    return extract(Tokens.of(text));
  }

  /** Finds every actor in the tokens, longest match first. */
  public ActorExtraction extract(Tokens t) {
    int n = t.size();
    List<ActorHit> hits = new ArrayList<>(32);
    // per actor id: its mentions, and where a gazetteer match last named it (which short names need)
    Map<String, Acc> acc = new LinkedHashMap<>(64);
    Alias[] choice = new Alias[1];
    ById index = byId(t.lexicon());
    int i = 0;
    while (i < n) {
      int m = matchAt(t, i, acc, choice, index);
      if (m >= 0 && choice[0].kind() == Kind.PLACE) {
        // "Gulf of Finland": the whole place is consumed, so that "Finland" inside it names nobody
        i = m + 1;
        continue;
      }
      if (m >= 0) {
        Alias chosen = choice[0];
        int chosenEnd = m;
        Actor a = chosen.actor();
        hits.add(new ActorHit(a.id(), a.type(), a.country(), i, chosenEnd, t.sentence(i)));
        Acc x = acc.get(a.id());
        if (x == null) {
          x = new Acc(a);
          acc.put(a.id(), x);
        }
        x.add(t, i, chosenEnd);
        x.lastSeen = i;
        i = chosenEnd + 1;
        continue;
      }
      if (isTitle(t, i, index)) {
        int next = unresolved(t, i, hits, acc, choice, index);
        if (next > i) {
          i = next;
          continue;
        }
      }
      i++;
    }
    List<ActorMention> mentions = new ArrayList<>(acc.size());
    for (Acc a : acc.values()) {
      mentions.add(a.toMention());
    }
    mentions.sort((x, y) -> Integer.compare(y.count(), x.count()));
    return new ActorExtraction(mentions, hits);
  }

  /** The end token of the longest valid match starting at {@code i}, or -1; the alias is left in {@code out[0]}. */
  private int matchAt(Tokens t, int i, Map<String, Acc> acc, Alias[] out, ById index) {
    int n = t.size();
    Node node;
    int id = t.wordId(i);
    if (index.first() != null && id != Tokens.BY_STRING) {
      node = id >= 0 ? index.first()[id] : null;
    } else {
      node = root.children == null ? null : root.children.get(t.norm(i));
    }
    if (node == null) {
      return -1;
    }
    Alias chosen = null;
    int chosenEnd = -1;
    int j = i;
    while (true) {
      if (node.aliases != null) {
        Alias a = choose(node.aliases, t, i, j, acc);
        if (a != null) {
          chosen = a;
          chosenEnd = j;
        }
      }
      if (node.children == null || j + 1 >= n || t.sentence(j + 1) != t.sentence(i) || t.has(j, Tokens.POSSESSIVE)) {
        break;
      }
      node = node.children.get(t.norm(j + 1));
      if (node == null) {
        break;
      }
      j++;
    }
    out[0] = chosen;
    return chosen == null ? -1 : chosenEnd;
  }

  private boolean isTitle(Tokens t, int i, ById index) {
    int id = t.wordId(i);
    if (index.title() != null && id != Tokens.BY_STRING) {
      return id >= 0 && index.title()[id];
    }
    return titles.contains(t.norm(i));
  }

  private Alias choose(List<Alias> aliases, Tokens t, int from, int to, Map<String, Acc> acc) {
    Alias best = null;
    int bestSeen = -1;
    for (Alias a : aliases) {
      if (!valid(a, t, from, to, acc)) {
        continue;
      }
      if (a.kind() != Kind.SHORT) {
        return a;
      }
      int seen = lastSeen(acc, a.actor().id());
      if (seen > bestSeen) {
        best = a;
        bestSeen = seen;
      }
    }
    return best;
  }

  /** The token where a gazetteer match last named the actor, or -1. */
  private static int lastSeen(Map<String, Acc> acc, String id) {
    Acc x = acc.get(id);
    return x == null ? -1 : x.lastSeen;
  }

  private boolean valid(Alias alias, Tokens t, int from, int to, Map<String, Acc> acc) {
    if (alias.kind() == Kind.PLACE) {
      return t.has(from, Tokens.CAP);
    }
    Actor actor = alias.actor();
    boolean sameSentencePrev = from > 0 && t.sentence(from - 1) == t.sentence(from);
    if (sameSentencePrev && !actor.notAfter().isEmpty() && actor.notAfter().contains(t.norm(from - 1))) {
      return false;
    }
    if (alias.kind() == Kind.ABBREVIATION) {
      for (int k = from; k <= to; k++) {
        if (!t.has(k, Tokens.UPPER) && !(t.has(k, Tokens.CAP) && t.end(k) - t.start(k) == 1)) {
          return false;
        }
      }
      return true;
    }
    // "al-Qaeda" is written with a lower-case particle; every other name must be capitalised in the text
    if (alias.capitalised() && !t.has(from, Tokens.CAP) && !t.has(from, Tokens.DIGITS)) {
      return false;
    }
    switch (alias.kind()) {
      case SHORT:
        if (lastSeen(acc, actor.id()) < 0) {
          return false;
        }
        return !(nextInSentence(t, to) && t.has(to + 1, Tokens.CAP));
      case METONYM:
        return !prevName(t, from, sameSentencePrev);
      default:
        if (actor.personName()) {
          boolean nextName = nextInSentence(t, to) && adjacent(t, to) && t.has(to + 1, Tokens.CAP)
              && !t.has(to + 1, Tokens.UPPER) && !titles.contains(t.norm(to + 1));
          return !prevName(t, from, sameSentencePrev) && !nextName;
        }
        return true;
    }
  }

  private static boolean nextInSentence(Tokens t, int to) {
    return to + 1 < t.size() && t.sentence(to + 1) == t.sentence(to) && !t.has(to, Tokens.POSSESSIVE);
  }

  /** The word before is part of a longer name ("Jordan" in "Michael Jordan"); computed only for aliases that ask. */
  private boolean prevName(Tokens t, int from, boolean sameSentencePrev) {
    return sameSentencePrev && adjacent(t, from - 1) && t.has(from - 1, Tokens.CAP) && !t.has(from - 1, Tokens.UPPER)
        && !SENTENCE_OPENERS.contains(t.norm(from - 1)) && !titles.contains(t.norm(from - 1))
        && !roleWords.contains(t.norm(from - 1)) && !t.has(from - 1, Tokens.POSSESSIVE);
  }

  /** A titled person the gazetteer does not know: "analyst Jane Roe", "Defense Secretary John Doe". */
  private int unresolved(
      Tokens t, int title, List<ActorHit> hits, Map<String, Acc> acc, Alias[] scratch, ById index) {
    int n = t.size();
    int sentence = t.sentence(title);
    int k = title + 1;
    if (t.has(title, Tokens.POSSESSIVE)) {
      return title;
    }
    while (k < n && t.sentence(k) == sentence && (titles.contains(t.norm(k)) || roleWords.contains(t.norm(k)))
        && !t.has(k - 1, Tokens.POSSESSIVE)) {
      k++;
    }
    int from = k;
    while (k < n && k - from < 4 && t.sentence(k) == sentence && !t.has(k, Tokens.DIGITS)
        && (t.has(k, Tokens.CAP) || (k > from && hyphenated(t, k)))
        && !notNames.contains(t.norm(k)) && !SENTENCE_OPENERS.contains(t.norm(k))) {
      if (matchAt(t, k, acc, scratch, index) >= 0) {
        break;
      }
      boolean possessive = t.has(k, Tokens.POSSESSIVE);
      k++;
      if (possessive) {
        break;
      }
    }
    if (k == from) {
      return title;
    }
    int to = k - 1;
    String name = t.surface(from, to);
    if (t.has(to, Tokens.POSSESSIVE) && name.length() > 2) {
      name = t.text().substring(t.start(from), t.end(to));
    }
    String id = "unresolved:" + slug(t, from, to);
    hits.add(new ActorHit(id, UNRESOLVED, null, from, to, sentence));
    Acc x = acc.get(id);
    if (x == null) {
      x = new Acc(new Actor(id, UNRESOLVED, name, null, null, false, Set.of()));
      acc.put(id, x);
    }
    x.add(name);
    return k;
  }

  /** Token {@code a} and the next one are separated by a single space, not by punctuation. */
  private static boolean adjacent(Tokens t, int a) {
    return t.start(a + 1) == t.end(a) + 1 && t.text().charAt(t.end(a)) == ' ';
  }

  private static boolean hyphenated(Tokens t, int k) {
    return t.start(k) == t.end(k - 1) + 1 && t.text().charAt(t.end(k - 1)) == '-';
  }

  private static String slug(Tokens t, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k <= to; k++) {
      if (sb.length() > 0) {
        sb.append('-');
      }
      sb.append(t.norm(k).replace("'", ""));
    }
    return sb.toString();
  }

  private static final class Acc {
    final Actor actor;
    int count;
    int lastSeen = -1;
    // distinct surfaces in first-seen order; an actor has a handful, so a list beats a set
    final List<String> surfaces = new ArrayList<>(4);

    Acc(Actor actor) {
      this.actor = actor;
    }

    void add(String surface) {
      count++;
      if (!surfaces.contains(surface)) {
        surfaces.add(surface);
      }
    }

    /** Adds the surface of tokens {@code from..to}, copying it out of the text only the first time it is seen. */
    void add(Tokens t, int from, int to) {
      count++;
      int start = t.start(from);
      int len = t.end(to) - start;
      for (int k = 0; k < surfaces.size(); k++) {
        String s = surfaces.get(k);
        if (s.length() == len && t.text().regionMatches(start, s, 0, len)) {
          return;
        }
      }
      surfaces.add(t.surface(from, to));
    }

    ActorMention toMention() {
      return new ActorMention(actor.id(), actor.type(), actor.name(), actor.wikidata(), actor.country(), count,
          surfaces);
    }
  }
}
