package org.watchfloor.indexer.search;

import java.time.Instant;
import java.util.List;

/** One article found by a search, as the table and {@code --json} show it. */
public record ArticleHit(
    String id, Instant timestamp, String level, Double tension, List<String> actors, List<String> topics,
    String title, String source, String url) {
  public ArticleHit {
    actors = actors == null ? List.of() : List.copyOf(actors);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }
}
