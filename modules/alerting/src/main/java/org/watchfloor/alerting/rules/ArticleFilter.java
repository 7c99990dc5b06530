package org.watchfloor.alerting.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.watchfloor.model.TensionLevel;

/** A compiled {@link FilterSpec}: sets for membership tests, lower-cased keywords. */
final class ArticleFilter {
  private final Set<String> actors;
  private final Set<String> allActors;
  private final Set<String> dyads;
  private final Set<String> topics;
  private final double minTopicScore;
  private final TensionLevel minLevel;
  private final Double minScore;
  private final List<String> keywords;
  private final Set<String> sources;
  private final Set<String> languages;

  ArticleFilter(FilterSpec spec) {
    FilterSpec f = spec == null ? FilterSpec.ANY : spec;
    actors = Set.copyOf(f.actors());
    allActors = Set.copyOf(f.allActors());
    dyads = Set.copyOf(f.dyads());
    topics = Set.copyOf(f.topics());
    minTopicScore = f.minTopicScore() == null ? 0 : f.minTopicScore();
    minLevel = f.minLevel();
    minScore = f.minScore();
    keywords = f.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    sources = Set.copyOf(f.sources());
    languages = f.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  Set<String> actors() {
    return actors;
  }

  Set<String> allActors() {
    return allActors;
  }

  Set<String> dyads() {
    return dyads;
  }

  Set<String> topics() {
    return topics;
  }

  double minTopicScore() {
    return minTopicScore;
  }

  boolean matches(ArticleFacts a) {
    if (minLevel != null && !a.level().atLeast(minLevel)) {
      return false;
    }
    if (minScore != null && a.score() < minScore) {
      return false;
    }
    if (!sources.isEmpty() && !sources.contains(a.source())) {
      return false;
    }
    if (!languages.isEmpty()) {
      String lang = a.language();
      if (lang == null || !languages.contains(lang.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    if (!actors.isEmpty() && !intersects(actors, a.actors())) {
      return false;
    }
    if (!allActors.isEmpty() && !a.actors().containsAll(allActors)) {
      return false;
    }
    if (!dyads.isEmpty() && !intersects(dyads, a.dyads())) {
      return false;
    }
    if (!topics.isEmpty() && !topicMatches(a)) {
      return false;
    }
    if (!keywords.isEmpty()) {
      String text = a.lowerText();
      boolean found = false;
      for (String k : keywords) {
        if (text.contains(k)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  boolean topicMatches(ArticleFacts a) {
    for (String t : topics) {
      Double s = a.topics().get(t);
      if (s != null && s >= minTopicScore) {
        return true;
      }
    }
    return false;
  }

  private static boolean intersects(Set<String> wanted, Set<String> present) {
    Set<String> small = wanted.size() <= present.size() ? wanted : present;
    Set<String> large = small == wanted ? present : wanted;
    for (String s : small) {
      if (large.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
