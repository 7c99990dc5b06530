package org.watchfloor.alerting.rules;

import java.util.List;
import org.watchfloor.model.TensionLevel;

/**
 * What an article must show for a rule to look at it; every field left out matches anything.
 *
 * @param actors at least one of these actor ids is named
 * @param allActors every one of these actor ids is named
 * @param dyads at least one of these dyads, written {@code SOURCE>TARGET}
 * @param topics at least one of these topic ids scores at least {@code minTopicScore}
 * @param keywords at least one of these words occurs in the title or text (case-insensitive)
 * @param sources the article's source is one of these
 * @param languages the article's language is one of these
 */
public record FilterSpec(
    List<String> actors,
    List<String> allActors,
    List<String> dyads,
    List<String> topics,
    Double minTopicScore,
    TensionLevel minLevel,
    Double minScore,
    List<String> keywords,
    List<String> sources,
    List<String> languages) {

  public static final FilterSpec ANY = new FilterSpec(null, null, null, null, null, null, null, null, null, null);

  public FilterSpec {
    actors = actors == null ? List.of() : List.copyOf(actors);
    allActors = allActors == null ? List.of() : List.copyOf(allActors);
    dyads = dyads == null ? List.of() : List.copyOf(dyads);
    topics = topics == null ? List.of() : List.copyOf(topics);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    sources = sources == null ? List.of() : List.copyOf(sources);
    languages = languages == null ? List.of() : List.copyOf(languages);
  }
}
