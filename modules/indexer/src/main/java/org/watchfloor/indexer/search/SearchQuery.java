package org.watchfloor.indexer.search;

import java.time.Duration;
import java.util.List;
import org.watchfloor.model.TensionLevel;

/**
 * What the user asks {@code watchfloor search} for: free text (words, {@code OR}, {@code AND}, {@code -word},
 * {@code "phrases"}, read by {@link TextQuery}; may be empty), actor
 * ids, topic ids, a minimum tension level, and how far back to look.
 *
 * @param minLevel articles at this level or above; null for any level
 * @param since how far back from now; null for all time
 */
public record SearchQuery(
    String text, List<String> actors, List<String> topics, TensionLevel minLevel, Duration since, int size) {
  public SearchQuery {
    actors = actors == null ? List.of() : List.copyOf(actors);
    topics = topics == null ? List.of() : List.copyOf(topics);
    if (size < 1 || size > 10_000) {
      throw new IllegalArgumentException("size must be between 1 and 10000, got " + size);
    }
  }

  /** The levels at or above {@link #minLevel()}, as stored in {@code tension.level}. */
  public List<String> levels() {
    if (minLevel == null) {
      return List.of();
    }
    return java.util.Arrays.stream(TensionLevel.values())
        .filter(l -> l.atLeast(minLevel))
        .map(Enum::name)
        .toList();
  }
}
