package org.watchfloor.desk.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.watchfloor.indexer.search.TextQuery;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/**
 * What a desk viewer filters on, as the URL carries it: actors, dyads, topics, minimum level, regions, sources,
 * languages and free text. Within one field any value matches; fields combine with AND. The same filter selects
 * history (through {@link DeskQueries}) and the live stream ({@link #matches}).
 */
public record DeskFilter(List<String> actors, List<String> dyads, List<String> topics, TensionLevel minLevel,
    List<String> regions, List<String> sources, List<String> languages, String text) {
  /** The URL parameters, in the order the page shows them. */
  public static final List<String> PARAMS =
      List.of("actor", "dyad", "topic", "level", "region", "source", "lang", "q");

  /** Matches everything. */
  public static final DeskFilter NONE = new DeskFilter(null, null, null, null, null, null, null, null);

  public DeskFilter {
    actors = clean(actors);
    dyads = clean(dyads);
    topics = clean(topics);
    regions = clean(regions);
    sources = clean(sources);
    languages = clean(languages);
    text = text == null || text.isBlank() ? null : text.trim();
  }

  /**
   * The filter from URL parameters; each field may repeat or hold comma-separated values.
   *
   * @throws IllegalArgumentException with a plain reason for a bad level, dyad or over-long value
   */
  public static DeskFilter fromParams(Map<String, List<String>> params) {
    String level = first(params.get("level"));
    TensionLevel min = null;
    if (level != null && !level.isBlank()) {
      try {
        min = TensionLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("level must be one of " + Arrays.toString(TensionLevel.values())
            + ", not '" + shorten(level) + "'");
      }
    }
    List<String> dyads = split(params.get("dyad"));
    for (String d : dyads) {
      if (!Dyad.isKey(d)) {
        throw new IllegalArgumentException("a dyad is written SOURCE>TARGET, e.g. PRK>KOR, not '" + shorten(d) + "'");
      }
    }
    String q = first(params.get("q"));
    if (q != null && q.length() > 500) {
      throw new IllegalArgumentException("the search text is longer than 500 characters");
    }
    return new DeskFilter(split(params.get("actor")), dyads, split(params.get("topic")), min,
        split(params.get("region")), split(params.get("source")), split(params.get("lang")), q);
  }

  /** The parsed free text; {@link TextQuery#ALL} without text. */
  public TextQuery textQuery() {
    return TextQuery.parse(text);
  }

  /** Whether nothing is filtered. */
  public boolean isEmpty() {
    return this.equals(NONE);
  }

  /** The filter as URL parameters, for links and tests. */
  public Map<String, List<String>> toParams() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, "actor", actors);
    put(out, "dyad", dyads);
    put(out, "topic", topics);
    if (minLevel != null) {
      out.put("level", List.of(minLevel.name()));
    }
    put(out, "region", regions);
    put(out, "source", sources);
    put(out, "lang", languages);
    if (text != null) {
      out.put("q", List.of(text));
    }
    return out;
  }

  /** Whether a live article passes, with {@code text} parsed once by the caller ({@link #textQuery}). */
  public boolean matches(EnrichedArticle a, TextQuery parsedText) {
    RawArticle r = a.article();
    if (!actors.isEmpty() && a.actors().stream().map(ActorMention::id).noneMatch(actors::contains)) {
      return false;
    }
    if (!dyads.isEmpty() && a.dyads().stream().map(Dyad::key).noneMatch(dyads::contains)) {
      return false;
    }
    if (!topics.isEmpty() && a.topics().stream().map(TopicScore::id).noneMatch(topics::contains)) {
      return false;
    }
    if (minLevel != null && (a.tension() == null || a.tension().level() == null
        || !a.tension().level().atLeast(minLevel))) {
      return false;
    }
    if (!regions.isEmpty() && !regions.contains(r.region())) {
      return false;
    }
    if (!sources.isEmpty() && !sources.contains(r.source())) {
      return false;
    }
    if (!languages.isEmpty() && !languages.contains(a.language())) {
      return false;
    }
    if (!(parsedText instanceof TextQuery.All)) {
      // the fields Elasticsearch searches: title, text and the evidence sentences
      List<String> tokens = new ArrayList<>(TextQuery.tokens(r.title()));
      tokens.add("\u0000");
      tokens.addAll(TextQuery.tokens(r.text()));
      if (a.tension() != null) {
        for (String e : a.tension().evidence()) {
          tokens.add("\u0000");
          tokens.addAll(TextQuery.tokens(e));
        }
      }
      return parsedText.matchesTokens(tokens);
    }
    return true;
  }

  /** Whether a live article passes. */
  public boolean matches(EnrichedArticle a) {
    return matches(a, textQuery());
  }

  private static void put(Map<String, List<String>> out, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.put(key, values);
    }
  }

  private static List<String> clean(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
  }

  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        if (v == null) {
          continue;
        }
        for (String part : v.split(",")) {
          if (part.length() > 200) {
            throw new IllegalArgumentException("a filter value is longer than 200 characters");
          }
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
